import { describe, expect, it } from 'vitest';
import { afterBaseline, figures, MOVES, series, type Changes } from '../test/build-figures.ts';
import { assessArea, type AreaMonthAssessment } from './assess-area.ts';
import { DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';

const last = (assessments: AreaMonthAssessment[]) => assessments[assessments.length - 1]!;

/** Three baseline months, then one changed month compared with the first of them. */
const changedMonth = (changes: Changes, settings?: DriftSettings) =>
  last(assessArea(afterBaseline(3, [changes]), settings));

/** A drift of exactly `ownershipFall` / `centralisationRise` points against the baseline. */
const drifted = (ownershipFall: number, centralisationRise: number): Changes => ({
  ...MOVES.ownershipDownBy(ownershipFall),
  ...MOVES.centralisationBy(centralisationRise),
});

describe('exact thresholds', () => {
  it.each([
    [5, 5, 'drift'],
    [4.999, 5, 'clear'],
    [5, 4.999, 'clear'],
    [5.001, 5.001, 'drift'],
  ])('ownership −%d and centralisation +%d → %s', (fall, rise, state) => {
    const month = changedMonth(drifted(fall, rise));
    expect(month.ownershipDelta).toBeCloseTo(-fall, 10);
    expect(month.centralisationDelta).toBeCloseTo(rise, 10);
    expect(month.driftState).toBe(state);
  });

  it('hits a threshold that is exact on paper even when the float falls just short', () => {
    // On paper OI falls 58⅓ → 53⅓ and CI rises 17.5 → 22.5; in floating point the deltas
    // come out a few 1e-15 short of −5 and +5.
    const before: Changes = {
      marketingDedicatedFte: 1,
      marketingSharedFte: 2,
      salesDedicatedFte: 0,
      salesSharedFte: 3,
      sharedServiceDependencies: 1,
      mandatoryProcesses: 8,
    };
    const after: Changes = {
      ...before,
      hiresTotal: 5,
      hiresLeadOwned: 4,
      sharedServiceDependencies: 11,
      mandatoryProcesses: 0,
      approvalLatencyDays: 2,
      decisionsTotal: 5,
    };
    const month = last(assessArea(series('2024-01', [before, before, before, after])));
    expect(month.ownershipDelta).toBeGreaterThan(-5);
    expect(month.centralisationDelta).toBeLessThan(5);
    expect(month.driftState).toBe('drift');
    expect(month.drift?.severity).toBe('watch');
  });
});

describe('severity bands', () => {
  it.each([
    [5, 'watch'],
    [9.999, 'watch'],
    [10, 'warning'],
    [19.999, 'warning'],
    [20, 'critical'],
  ])('magnitude %d → %s', (magnitude, severity) => {
    // Ownership falls further than centralisation rises, so the magnitude is the CI side.
    const month = changedMonth({ ...MOVES.centralisationBy(magnitude), targetOwner: 'central' });
    expect(month.drift?.magnitude).toBeCloseTo(magnitude, 10);
    expect(month.drift?.severity).toBe(severity);
  });

  it('the magnitude is the weaker side', () => {
    const month = changedMonth({ ...drifted(6, 24) });
    expect(month.drift).toMatchObject({ severity: 'watch', consecutiveMonths: 1 });
    expect(month.drift?.magnitude).toBeCloseTo(6, 10);
  });
});

describe('escalation', () => {
  const watch = drifted(6, 6);
  const states = (assessments: AreaMonthAssessment[]) =>
    assessments.map((a) => [a.month, a.driftState, a.drift?.severity ?? null, a.drift?.consecutiveMonths ?? null]);

  it('raises the third consecutive month in drift one level; earlier months keep their grade', () => {
    expect(states(assessArea(afterBaseline(3, [watch, watch, watch, watch])).slice(3))).toEqual([
      ['2024-04', 'drift', 'watch', 1],
      ['2024-05', 'drift', 'watch', 2],
      ['2024-06', 'drift', 'warning', 3],
      ['2024-07', 'clear', null, null], // compared with April, which already had the change
    ]);
  });

  it('never goes above critical', () => {
    const critical = drifted(21, 21);
    const months = assessArea(afterBaseline(3, [critical, critical, critical]));
    expect(months.slice(3).map((a) => a.drift?.severity)).toEqual(['critical', 'critical', 'critical']);
  });

  it('a clear month ends the run', () => {
    // With W = 1 each month compares with the one before: drift, drift, back to the start, drift ×3.
    const settings = { ...DEFAULT_SETTINGS, windowMonths: 1 };
    const steps = [0, 5.5, 11, 0, 5.5, 11, 16.5];
    const rows = series('2024-01', steps.map((points) => drifted(points, points)));
    expect(states(assessArea(rows, settings)).slice(1)).toEqual([
      ['2024-02', 'drift', 'watch', 1],
      ['2024-03', 'drift', 'watch', 2],
      ['2024-04', 'clear', null, null],
      ['2024-05', 'drift', 'watch', 1],
      ['2024-06', 'drift', 'watch', 2],
      ['2024-07', 'drift', 'warning', 3],
    ]);
  });

  it('a missing month, and the months without enough data after it, end the run', () => {
    const settings = { ...DEFAULT_SETTINGS, windowMonths: 1 };
    const steps = [0, 5.5, 11, null, 0, 5.5, 11, 16.5];
    const rows = series('2024-01', steps.map((points) => (points === null ? null : drifted(points, points))));
    expect(states(assessArea(rows, settings)).slice(1)).toEqual([
      ['2024-02', 'drift', 'watch', 1],
      ['2024-03', 'drift', 'watch', 2],
      ['2024-05', 'insufficient_data', null, null],
      ['2024-06', 'drift', 'watch', 1],
      ['2024-07', 'drift', 'watch', 2],
      ['2024-08', 'drift', 'warning', 3],
    ]);
  });
});

describe('not enough data', () => {
  it('the first W months have no window', () => {
    const months = assessArea(afterBaseline(4, []));
    expect(months.map((a) => a.driftState)).toEqual([
      'insufficient_data',
      'insufficient_data',
      'insufficient_data',
      'clear',
    ]);
    expect(months[0]).toMatchObject({
      ownershipDelta: null,
      centralisationDelta: null,
      drift: null,
      contributionPoints: null,
      contributions: [],
    });
  });

  it('a missing middle month leaves every window that spans it incomplete, however large the change', () => {
    const big = drifted(25, 25);
    const months = assessArea(series('2024-01', [{}, {}, null, big, big, big, big]));
    expect(months.map((a) => [a.month, a.driftState])).toEqual([
      ['2024-01', 'insufficient_data'],
      ['2024-02', 'insufficient_data'],
      ['2024-04', 'insufficient_data'], // Jan and Apr exist, March does not
      ['2024-05', 'insufficient_data'],
      ['2024-06', 'insufficient_data'],
      ['2024-07', 'clear'], // Apr..Jul complete, and unchanged
    ]);
    expect(months.every((a) => a.drift === null)).toBe(true);
  });

  it('follows the window setting', () => {
    const settings = { ...DEFAULT_SETTINGS, windowMonths: 6 };
    const months = assessArea(afterBaseline(6, [drifted(8, 8)]), settings);
    expect(months.map((a) => a.driftState)).toEqual([...Array(6).fill('insufficient_data'), 'drift']);
  });
});

describe('input handling', () => {
  it('accepts months in any order and returns them sorted', () => {
    const rows = afterBaseline(3, [drifted(8, 8), drifted(8, 8)]);
    const shuffled = [rows[4]!, rows[1]!, rows[3]!, rows[0]!, rows[2]!];
    expect(assessArea(shuffled)).toEqual(assessArea(rows));
  });

  it('returns one assessment per month and nothing for none', () => {
    expect(assessArea([])).toEqual([]);
    expect(assessArea([figures('2024-01')])).toHaveLength(1);
  });

  it('refuses two sets of figures for one month, figures the formulas cannot use, and broken settings', () => {
    expect(() => assessArea([figures('2024-01'), figures('2024-01')])).toThrow(/two sets of figures for 2024-01/);
    expect(() => assessArea([figures('2024-1')])).toThrow(RangeError);
    expect(() => assessArea([figures('2024-01', { hiresTotal: 1, hiresLeadOwned: 2 })])).toThrow(/hiresLeadOwned/);
    expect(() => assessArea([figures('2024-01', { approvalLatencyDays: Number.NaN })])).toThrow(/approvalLatencyDays/);
    expect(() => assessArea([figures('2024-01')], { ...DEFAULT_SETTINGS, windowMonths: 0 })).toThrow(/windowMonths/);
  });

  it('does not modify its input', () => {
    const rows = Object.freeze(afterBaseline(3, [drifted(8, 8)]).map((row) => Object.freeze(row)));
    expect(() => assessArea(rows)).not.toThrow();
  });
});
