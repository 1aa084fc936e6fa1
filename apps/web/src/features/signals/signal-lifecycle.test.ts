import { describe, expect, it } from 'vitest';
import type { SignalEvent } from '@autonomy/contracts';
import { signalDetailFixture, signalEventFixture } from '../../test-support/fixtures.ts';
import { availableActions, describeSignalConflict, describeSignalEvent } from './signal-lifecycle.ts';

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

describe('describeSignalConflict', () => {
  const erin = { id: 'user-erin', email: 'exec@demo.example', name: 'Erin Executive' };
  /** The signal as the reader saw it: open, and as severe as the fixture. */
  const seenOpen = { status: 'open', severity: signalDetailFixture().severity } as const;

  it('names who decided first and what the signal is now', () => {
    expect(describeSignalConflict(signalDetailFixture(), seenOpen)).toBe(
      'Erin Executive changed this signal meanwhile: it is now acknowledged. Look again and decide.',
    );
  });

  it('credits the newest change of status, not a later change that left the status alone', () => {
    const latest = signalDetailFixture({
      status: 'dismissed',
      history: [
        signalEventFixture({ at: '2024-10-04T09:00:00.000Z', action: 'severity_changed', fromStatus: 'dismissed', toStatus: 'dismissed' }),
        signalEventFixture(),
        signalEventFixture({ at: '2024-10-03T14:05:00.000Z', actor: erin, action: 'status_changed', fromStatus: 'open', toStatus: 'dismissed' }),
      ],
    });
    expect(describeSignalConflict(latest, seenOpen)).toBe('Erin Executive changed this signal meanwhile: it is now dismissed. Look again and decide.');
  });

  it('tells a recomputation from a person', () => {
    const latest = signalDetailFixture({
      status: 'open',
      history: [
        signalEventFixture(),
        signalEventFixture({ at: '2024-10-02T00:00:00.000Z', action: 'cleared', fromStatus: 'open', toStatus: 'cleared' }),
        signalEventFixture({ at: '2024-10-05T00:00:00.000Z', action: 'reopened', fromStatus: 'cleared', toStatus: 'open' }),
      ],
    });
    expect(describeSignalConflict(latest, seenOpen)).toBe(
      'A recomputation of the figures changed this signal meanwhile: it is now open. Look again and decide.',
    );
  });

  it('says when the figures changed the severity the reader decided on', () => {
    const latest = signalDetailFixture({ status: 'open', severity: 'critical' });
    expect(describeSignalConflict(latest, { status: 'open', severity: 'warning' })).toBe(
      'The figures changed meanwhile: this signal is now critical (it was warning). Look again and decide.',
    );
  });

  it('says there is nothing to decide once the data has cleared it', () => {
    expect(describeSignalConflict(signalDetailFixture({ status: 'cleared' }), seenOpen)).toMatch(/nothing left to decide/);
  });

  it('falls back to "someone else" when the history names nobody', () => {
    expect(describeSignalConflict(signalDetailFixture({ status: 'resolved', history: [] }), seenOpen)).toBe(
      'Someone else changed this signal meanwhile: it is now resolved. Look again and decide.',
    );
  });
});
