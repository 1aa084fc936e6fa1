import { describe, expect, it } from 'vitest';
import { describeKindCounts, kindLabel, severityLabel, statusLabel } from './signal-labels.ts';

describe('signal labels', () => {
  it('names the three kinds distinctly', () => {
    expect([kindLabel('chipotle_drift'), kindLabel('ownership_erosion'), kindLabel('revenue_miss')]).toEqual([
      'Chipotle drift',
      'Ownership erosion',
      'Revenue miss',
    ]);
  });

  it('says who cleared a cleared signal', () => {
    expect(statusLabel('cleared')).toBe('Cleared by data');
    expect(statusLabel('acknowledged')).toBe('Acknowledged');
  });

  it('names the severity on its own', () => {
    expect(severityLabel('critical')).toBe('Critical');
  });
});

describe('describeKindCounts', () => {
  it('lists the kinds present with the right plural', () => {
    expect(
      describeKindCounts([
        { kind: 'chipotle_drift', count: 2 },
        { kind: 'ownership_erosion', count: 0 },
        { kind: 'revenue_miss', count: 1 },
      ]),
    ).toBe('2 Chipotle drift signals, 1 revenue miss');
    expect(describeKindCounts([{ kind: 'ownership_erosion', count: 3 }])).toBe('3 ownership erosions');
    expect(describeKindCounts([])).toBe('');
  });
});
