import { describe, expect, it } from 'vitest';
import { afterBaseline, figures, series } from '../test/build-figures.ts';
import type { MonthlyFigures } from './figures.ts';
import { dedicatedShare, indicesOverTime, revenueAttainment, saturating, shareOf, weightedIndex } from './indices.ts';
import { CENTRALISATION_COMPONENTS, DEFAULT_SETTINGS, OWNERSHIP_COMPONENTS, type DriftSettings } from './settings.ts';

const only = (rows: MonthlyFigures[], settings: DriftSettings = DEFAULT_SETTINGS) => {
  const all = indicesOverTime(rows, settings);
  return all[all.length - 1]!;
};

describe('component formulas', () => {
  it.each([
    [3, 1, 0.75],
    [0, 2, 0],
    [2, 0, 1],
    [0.5, 1.5, 0.25],
    [0, 0, 0], // no support at all: the area owns none
  ])('dedicated share of %d dedicated and %d shared is %d', (dedicated, shared, expected) => {
    expect(dedicatedShare(dedicated, shared)).toBe(expected);
  });

  it.each([
    [0, 4, 0],
    [4, 4, 0.5],
    [12, 4, 0.75],
    [8, 8, 0.5],
    [24, 8, 0.75],
    [10, 10, 0.5],
    [2.5, 10, 0.2],
  ])('saturating(%d, %d) = %d', (count, halfPoint, expected) => {
    expect(saturating(count, halfPoint)).toBe(expected);
  });

  it('share of nothing is null so the caller can carry forward', () => {
    expect(shareOf(3, 4)).toBe(0.75);
    expect(shareOf(0, 4)).toBe(0);
    expect(shareOf(0, 0)).toBeNull();
  });

  it('revenue attainment is a ratio, none without a target', () => {
    expect(revenueAttainment(figures('2024-01', { revenueTarget: 200, revenueActual: 150 }))).toBe(0.75);
    expect(revenueAttainment(figures('2024-01', { revenueTarget: 200, revenueActual: 0 }))).toBe(0);
    expect(revenueAttainment(figures('2024-01', { revenueTarget: 0, revenueActual: 50 }))).toBeNull();
  });
});

describe('indices of one month', () => {
  it.each<[string, Parameters<typeof figures>[1], number, number]>([
    ['the baseline', {}, 100, 0],
    ['marketing all shared', { marketingDedicatedFte: 0, marketingSharedFte: 2 }, 75, 0],
    ['no sales support at all', { salesDedicatedFte: 0, salesSharedFte: 0 }, 75, 0],
    ['half the hires run by the lead', { hiresTotal: 4, hiresLeadOwned: 2 }, 87.5, 0],
    ['target assigned centrally', { targetOwner: 'central' }, 75, 0],
    ['4 dependencies', { sharedServiceDependencies: 4 }, 100, 12.5],
    ['24 mandatory processes', { mandatoryProcesses: 24 }, 100, 18.75],
    ['10 days of approval latency', { approvalLatencyDays: 10 }, 100, 12.5],
    ['every decision central', { decisionsTotal: 3, decisionsCentral: 3 }, 100, 25],
  ])('%s → OI %d, CI %d', (_, changes, ownership, centralisation) => {
    const month = only([figures('2024-01', changes)]);
    expect(month.ownershipIndex).toBe(ownership);
    expect(month.centralisationIndex).toBe(centralisation);
  });

  it('weights re-normalise over the components present', () => {
    // No hires ever: hiring is left out, the other three share the weight.
    const month = only([figures('2024-01', { hiresTotal: 0, hiresLeadOwned: 0, targetOwner: 'central' })]);
    expect(month.ownershipComponents.hiring).toBeNull();
    expect(month.ownershipIndex).toBeCloseTo((100 * 2) / 3, 12);

    const noDecisions = only([figures('2024-01', { decisionsTotal: 0, sharedServiceDependencies: 4 })]);
    expect(noDecisions.centralisationComponents.centralDecisions).toBeNull();
    expect(noDecisions.centralisationIndex).toBeCloseTo(50 / 3, 12);
  });

  it('uses the weights and saturation constants from the settings', () => {
    const settings: DriftSettings = {
      ...DEFAULT_SETTINGS,
      weights: {
        ownership: { marketing: 2, sales: 1, hiring: 1, target: 0 },
        centralisation: { dependencies: 1, processes: 0, latency: 0, centralDecisions: 1 },
      },
      saturation: { dependencies: 2, processes: 8, latencyDays: 10 },
    };
    const changes = { marketingDedicatedFte: 0, marketingSharedFte: 1, sharedServiceDependencies: 2 };
    const month = only([figures('2024-01', changes)], settings);
    expect(month.ownershipIndex).toBe(50); // (2·0 + 1 + 1 + 0·1) / 4
    expect(month.centralisationIndex).toBe(25); // (1·½ + 1·0) / 2
  });

  it('weightedIndex ignores the weight of an absent component', () => {
    const weights = { a: 1, b: 3 };
    expect(weightedIndex({ a: 1, b: null }, weights, ['a', 'b'])).toBe(100);
    expect(weightedIndex({ a: 1, b: 0 }, weights, ['a', 'b'])).toBe(25);
  });

  it('keeps every component in [0, 1]', () => {
    const huge = { sharedServiceDependencies: 1e9, mandatoryProcesses: 1e9, approvalLatencyDays: 1e9 };
    const month = only([figures('2024-01', huge)]);
    for (const key of OWNERSHIP_COMPONENTS) expect(month.ownershipComponents[key]).toBeGreaterThanOrEqual(0);
    for (const key of CENTRALISATION_COMPONENTS) expect(month.centralisationComponents[key]).toBeLessThanOrEqual(1);
  });
});

describe('carrying hiring and central decisions forward', () => {
  const noActivity = { hiresTotal: 0, hiresLeadOwned: 0, decisionsTotal: 0, decisionsCentral: 0 };

  it('takes the latest earlier month with hires, across gaps and months without any', () => {
    const months = indicesOverTime(
      series('2024-01', [
        { hiresTotal: 4, hiresLeadOwned: 1, decisionsTotal: 4, decisionsCentral: 3 },
        noActivity,
        null,
        null,
        noActivity,
        { hiresTotal: 2, hiresLeadOwned: 2, decisionsTotal: 0, decisionsCentral: 0 },
        noActivity,
      ]),
      DEFAULT_SETTINGS,
    );
    expect(months.map((m) => m.month)).toEqual(['2024-01', '2024-02', '2024-05', '2024-06', '2024-07']);
    expect(months.map((m) => m.ownershipComponents.hiring)).toEqual([0.25, 0.25, 0.25, 1, 1]);
    expect(months.map((m) => m.centralisationComponents.centralDecisions)).toEqual([0.75, 0.75, 0.75, 0.75, 0.75]);
    expect(months.map((m) => m.carriedForward)).toEqual([
      { hiring: null, centralDecisions: null },
      { hiring: '2024-01', centralDecisions: '2024-01' },
      { hiring: '2024-01', centralDecisions: '2024-01' },
      { hiring: null, centralDecisions: '2024-01' },
      { hiring: '2024-06', centralDecisions: '2024-01' },
    ]);
  });

  it('leaves the component out until a month has any, whatever the input order', () => {
    const rows = series('2024-01', [noActivity, noActivity, { hiresTotal: 3, hiresLeadOwned: 3 }]);
    const months = indicesOverTime(rows, DEFAULT_SETTINGS);
    expect(months.map((m) => m.ownershipComponents.hiring)).toEqual([null, null, 1]);
    expect(months.map((m) => m.centralisationComponents.centralDecisions)).toEqual([null, null, 0]);
  });

  it('a month with hires of which the lead ran none is 0, not carried', () => {
    const months = indicesOverTime(afterBaseline(1, [{ hiresTotal: 2, hiresLeadOwned: 0 }]), DEFAULT_SETTINGS);
    expect(months[1]!.ownershipComponents.hiring).toBe(0);
    expect(months[1]!.carriedForward.hiring).toBeNull();
  });
});
