import { describe, expect, it } from 'vitest';
import { afterBaseline, MOVES, series, type Changes } from '../test/build-figures.ts';
import { assessArea } from './assess-area.ts';
import { detectFindings } from './findings.ts';
import type { MonthlyFigures } from './figures.ts';

const findingsOf = (rows: MonthlyFigures[]) => detectFindings(assessArea(rows));
const summary = (rows: MonthlyFigures[]) => findingsOf(rows).map((f) => [f.month, f.kind, f.severity]);

describe('chipotle drift and ownership erosion', () => {
  it('raises chipotle_drift for each drift month, explained by its largest moves', () => {
    const drift: Changes = { ...MOVES.ownershipDownBy(12), ...MOVES.centralisationBy(12), approvalLatencyDays: 1 };
    const findings = findingsOf(afterBaseline(3, [drift]));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ kind: 'chipotle_drift', month: '2024-04', severity: 'warning' });
    expect(finding!.ownershipDelta).toBeCloseTo(-12, 10);
    expect(finding!.centralisationDelta).toBeCloseTo(12 + 100 / 44, 10);
    expect(finding!.contributions.map((c) => c.component)).toEqual(['hiring', 'centralDecisions', 'latency']);
    expect(finding!.explanation).toEqual(finding!.contributions.map((c) => c.text));
  });

  it('raises ownership_erosion, a watch, when ownership falls without centralisation rising enough', () => {
    const findings = findingsOf(afterBaseline(3, [{ ...MOVES.ownershipDownBy(15), ...MOVES.centralisationBy(4.999) }]));
    expect(findings.map((f) => [f.kind, f.severity])).toEqual([['ownership_erosion', 'watch']]);
    expect(findings[0]!.contributions.every((c) => c.side === 'ownership')).toBe(true);
    expect(findings[0]!.explanation).toEqual(['hiring owned by the lead 100% → 40%: −15.0 pts']);
  });

  it.each([
    [5, ['ownership_erosion']],
    [4.999, []],
  ])('erosion at exactly the fall threshold: −%d → %j', (fall, kinds) => {
    expect(findingsOf(afterBaseline(3, [MOVES.ownershipDownBy(fall)])).map((f) => f.kind)).toEqual(kinds);
  });

  it('never raises both for one month, and nothing for rising ownership or missing data', () => {
    const drift = { ...MOVES.ownershipDownBy(20), ...MOVES.centralisationBy(20) };
    expect(summary(afterBaseline(3, [drift]))).toEqual([['2024-04', 'chipotle_drift', 'critical']]);
    const ownershipRising = series('2024-01', [MOVES.ownershipDownBy(20), {}, {}, {}, MOVES.centralisationBy(20)]);
    expect(findingsOf(ownershipRising)).toEqual([]);
    expect(findingsOf(series('2024-01', [{}, null, {}, drift]))).toEqual([]);
  });
});

describe('revenue miss', () => {
  const attaining = (...shares: (number | null)[]) =>
    series(
      '2024-01',
      shares.map((share) => (share === null ? null : { revenueTarget: 1000, revenueActual: share * 1000 })),
    );

  it('needs target missed three calendar months running', () => {
    expect(summary(attaining(1, 0.9, 0.95, 0.99, 0.85))).toEqual([
      ['2024-04', 'revenue_miss', 'watch'],
      ['2024-05', 'revenue_miss', 'watch'],
    ]);
  });

  it('is a warning when the mean attainment of the three months is below 0.8', () => {
    expect(summary(attaining(0.75, 0.8, 0.9))).toEqual([['2024-03', 'revenue_miss', 'watch']]); // mean 0.8167
    expect(summary(attaining(0.8, 0.8, 0.8))).toEqual([['2024-03', 'revenue_miss', 'watch']]); // mean exactly 0.8
    expect(summary(attaining(0.7, 0.8, 0.9))).toEqual([['2024-03', 'revenue_miss', 'watch']]); // 0.8 on paper
    expect(summary(attaining(0.6, 0.8, 0.9))).toEqual([['2024-03', 'revenue_miss', 'warning']]); // mean 0.7667
  });

  it('explains itself with the three months', () => {
    const [finding] = findingsOf(attaining(0.6, 0.8, 0.9));
    expect(finding!.explanation).toEqual([
      'revenue below target 3 months running: 2024-01 60% of target, 2024-02 80% of target, ' +
        '2024-03 90% of target (mean 76.6% of target)',
    ]);
    expect(finding!.contributions).toEqual([]);
  });

  it.each([
    ['a month on target', [0.9, 1, 0.9]],
    ['a missing month', [0.9, null, 0.9, 0.9]],
    ['a month without a target', [0.9, 0, 0.9]],
  ])('is broken by %s', (_, shares) => {
    const rows = attaining(...shares);
    const noTarget = rows.map((row) => (row.revenueActual === 0 ? { ...row, revenueTarget: 0 } : row));
    expect(findingsOf(noTarget)).toEqual([]);
  });

  it('sits next to a drift finding of the same month, after it', () => {
    const rows = afterBaseline(3, [{ ...MOVES.ownershipDownBy(6), ...MOVES.centralisationBy(6) }]).map((row) => ({
      ...row,
      revenueActual: 50,
    }));
    expect(summary(rows)).toEqual([
      ['2024-03', 'revenue_miss', 'warning'],
      ['2024-04', 'chipotle_drift', 'watch'],
      ['2024-04', 'revenue_miss', 'warning'],
    ]);
  });
});
