import { describe, expect, it } from 'vitest';
import { signalFixture } from '../../test-support/fixtures.ts';
import { countByKind, sortSignalsForReview, sortSignalsNewestFirst } from './signal-order.ts';

const ids = (signals: { id: string }[]) => signals.map((signal) => signal.id);

describe('sortSignalsForReview', () => {
  it('puts Chipotle drift first, then erosion, then revenue misses, critical first within a kind', () => {
    const signals = [
      signalFixture({ id: 'miss-warning', kind: 'revenue_miss', severity: 'warning' }),
      signalFixture({ id: 'drift-watch', severity: 'watch' }),
      signalFixture({ id: 'erosion', kind: 'ownership_erosion', severity: 'watch' }),
      signalFixture({ id: 'drift-critical', severity: 'critical' }),
      signalFixture({ id: 'drift-warning', severity: 'warning' }),
    ];
    expect(ids(sortSignalsForReview(signals))).toEqual([
      'drift-critical',
      'drift-warning',
      'drift-watch',
      'erosion',
      'miss-warning',
    ]);
  });

  it('puts the stronger finding first within a severity, then orders by area name', () => {
    const signals = [
      signalFixture({ id: 'zeta', areaName: 'Zeta', ownershipDelta: -6, centralisationDelta: 6 }),
      signalFixture({ id: 'alpha', areaName: 'Alpha', ownershipDelta: -6, centralisationDelta: 6 }),
      signalFixture({ id: 'strong', areaName: 'Mid', ownershipDelta: -9, centralisationDelta: 8 }),
    ];
    expect(ids(sortSignalsForReview(signals))).toEqual(['strong', 'alpha', 'zeta']);
  });

  it('does not reorder the array it was given', () => {
    const signals = [signalFixture({ id: 'b', kind: 'revenue_miss' }), signalFixture({ id: 'a' })];
    sortSignalsForReview(signals);
    expect(ids(signals)).toEqual(['b', 'a']);
  });
});

describe('sortSignalsNewestFirst', () => {
  it('orders by month, newest first, and by urgency within a month', () => {
    const signals = [
      signalFixture({ id: 'june', month: '2024-06' }),
      signalFixture({ id: 'sept-miss', month: '2024-09', kind: 'revenue_miss' }),
      signalFixture({ id: 'sept-drift', month: '2024-09' }),
      signalFixture({ id: 'jan-next-year', month: '2025-01', kind: 'ownership_erosion' }),
    ];
    expect(ids(sortSignalsNewestFirst(signals))).toEqual(['jan-next-year', 'sept-drift', 'sept-miss', 'june']);
  });
});

describe('countByKind', () => {
  it('counts every kind in review order', () => {
    const signals = [signalFixture({ kind: 'revenue_miss' }), signalFixture(), signalFixture()];
    expect(countByKind(signals)).toEqual([
      { kind: 'chipotle_drift', count: 2 },
      { kind: 'ownership_erosion', count: 0 },
      { kind: 'revenue_miss', count: 1 },
    ]);
  });
});
