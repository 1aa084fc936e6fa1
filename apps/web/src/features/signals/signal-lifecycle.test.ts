import { describe, expect, it } from 'vitest';
import type { SignalEvent } from '@autonomy/contracts';
import { availableActions, describeSignalEvent } from './signal-lifecycle.ts';

describe('availableActions', () => {
  it('offers the moves that make sense from each status', () => {
    expect(availableActions('open')).toEqual(['acknowledge', 'resolve', 'dismiss']);
    expect(availableActions('acknowledged')).toEqual(['resolve', 'dismiss', 'reopen']);
    expect(availableActions('resolved')).toEqual(['reopen']);
    expect(availableActions('dismissed')).toEqual(['reopen']);
  });

  it('offers nothing for a signal the data has cleared', () => {
    expect(availableActions('cleared')).toEqual([]);
  });
});

describe('describeSignalEvent', () => {
  const event = (overrides: Partial<SignalEvent>): SignalEvent => ({
    at: '2024-10-03T14:05:00.000Z',
    actor: null,
    action: 'raised',
    fromStatus: null,
    toStatus: 'open',
    comment: null,
    ...overrides,
  });
  const ada = { id: 'u1', email: 'ada@example.com', name: 'Ada Admin' };

  it('tells changes by the data from changes by people', () => {
    expect(describeSignalEvent(event({}))).toEqual({ what: 'Raised', who: 'the data' });
    expect(describeSignalEvent(event({ action: 'cleared', fromStatus: 'open', toStatus: 'cleared' }))).toEqual({
      what: 'Cleared',
      who: 'the data',
    });
    expect(describeSignalEvent(event({ action: 'reopened', fromStatus: 'cleared', toStatus: 'open' }))).toEqual({
      what: 'Reopened',
      who: 'the data',
    });
    expect(
      describeSignalEvent(event({ actor: ada, action: 'status_changed', fromStatus: 'open', toStatus: 'acknowledged' })),
    ).toEqual({ what: 'Acknowledged', who: 'Ada Admin' });
  });

  it('falls back to the action name when the status did not change', () => {
    expect(describeSignalEvent(event({ action: 'severity_changed', fromStatus: 'open', toStatus: 'open' }))).toEqual({
      what: 'Severity changed',
      who: 'the data',
    });
  });
});
