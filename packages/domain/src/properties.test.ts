import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { area, inputs, settingsArb } from '../test/arbitraries.ts';
import { assessArea, type AreaMonthAssessment } from './assess-area.ts';
import type { Contribution } from './contributions.ts';
import { isChipotleDrift } from './drift.ts';
import type { MonthlyFigures } from './figures.ts';
import { addMonths } from './month.ts';

const sideSum = (contributions: readonly Contribution[], side: Contribution['side']) =>
  contributions.filter((c) => c.side === side).reduce((sum, c) => sum + c.points, 0);

/** What a signal consists of, for comparing two runs. */
const signal = (a: AreaMonthAssessment) => ({
  month: a.month,
  driftState: a.driftState,
  ownershipDelta: a.ownershipDelta,
  centralisationDelta: a.centralisationDelta,
  drift: a.drift,
});

describe('properties', () => {
  it('contributions sum to the deltas, and exist only with a complete window', () => {
    fc.assert(
      fc.property(area(), settingsArb, (months, settings) => {
        for (const assessment of assessArea(months, settings)) {
          if (assessment.ownershipDelta === null || assessment.centralisationDelta === null) {
            expect(assessment.contributions).toEqual([]);
            continue;
          }
          const { contributions, ownershipDelta, centralisationDelta } = assessment;
          expect(Math.abs(sideSum(contributions, 'ownership') - ownershipDelta)).toBeLessThan(1e-9);
          expect(Math.abs(sideSum(contributions, 'centralisation') - centralisationDelta)).toBeLessThan(1e-9);
        }
      }),
    );
  });

  it('the stored contribution points are the worded contributions\' points, in whatever mode', () => {
    fc.assert(
      fc.property(area(), settingsArb, fc.constantFrom('findings' as const, 'none' as const), (months, settings, mode) => {
        const worded = assessArea(months, settings, { contributions: 'all' });
        const cheap = assessArea(months, settings, { contributions: mode });
        worded.forEach((assessment, i) => {
          const points = cheap[i]!.contributionPoints;
          if (assessment.ownershipDelta === null) {
            expect(points).toBeNull();
            return;
          }
          const byComponent = Object.fromEntries(assessment.contributions.map((c) => [c.component, c.points]));
          expect(points).toEqual(byComponent);
        });
      }),
    );
  });

  it('no drift, and no deltas, without every month of the window', () => {
    fc.assert(
      fc.property(area(), settingsArb, (months, settings) => {
        const present = new Set(months.map((m) => m.month));
        for (const assessment of assessArea(months, settings)) {
          const window = Array.from({ length: settings.windowMonths + 1 }, (_, back) =>
            addMonths(assessment.month, -back),
          );
          const complete = window.every((month) => present.has(month));
          expect(assessment.driftState !== 'insufficient_data').toBe(complete);
          expect(assessment.ownershipDelta !== null).toBe(complete);
          expect(assessment.drift !== null).toBe(assessment.driftState === 'drift');
        }
      }),
    );
  });

  it('drift is exactly the rule on the deltas, and the run counts consecutive drift months', () => {
    fc.assert(
      fc.property(area(), settingsArb, (months, settings) => {
        const assessments = assessArea(months, settings);
        const byMonth = new Map(assessments.map((a) => [a.month, a]));
        for (const a of assessments) {
          if (a.ownershipDelta === null || a.centralisationDelta === null) continue;
          expect(a.driftState === 'drift').toBe(isChipotleDrift(a.ownershipDelta, a.centralisationDelta, settings));
          if (a.drift === null) continue;
          const previous = byMonth.get(addMonths(a.month, -1));
          expect(a.drift.consecutiveMonths).toBe((previous?.drift?.consecutiveMonths ?? 0) + 1);
        }
      }),
    );
  });

  it('a month added far in the past, across a gap, changes no later assessment', () => {
    // Every original month has hires and decisions of its own, so nothing carries forward from
    // the added month; the gap (at least one missing month) keeps it out of every later window
    // and ends any drift run before it. With nothing carried, nothing may change.
    const withActivity = area({ minHires: 1, minDecisions: 1 }, 30);
    fc.assert(
      fc.property(withActivity, inputs(), fc.integer({ min: 2, max: 40 }), settingsArb, (months, old, gap, settings) => {
        const first = months.reduce((earliest, m) => (m.month < earliest ? m.month : earliest), months[0]!.month);
        const added: MonthlyFigures = { ...old, month: addMonths(first, -gap) };
        const before = assessArea(months, settings);
        const after = assessArea([added, ...months], settings);
        expect(after[0]!.month).toBe(added.month);
        expect(after.slice(1).map(signal)).toEqual(before.map(signal));
        expect(after.slice(1)).toEqual(before);
      }),
    );
  });

  it('scaling up every centralisation input never lowers the centralisation index', () => {
    const scaling = fc.record({
      factor: fc.double({ min: 1, max: 5, noNaN: true }),
      moreCentralDecisions: fc.integer({ min: 0, max: 12 }),
    });
    fc.assert(
      fc.property(area(), scaling, (months, { factor, moreCentralDecisions }) => {
        const scaled = months.map((m) => ({
          ...m,
          sharedServiceDependencies: m.sharedServiceDependencies * factor,
          mandatoryProcesses: m.mandatoryProcesses * factor,
          approvalLatencyDays: m.approvalLatencyDays * factor,
          decisionsCentral: Math.min(m.decisionsTotal, m.decisionsCentral + moreCentralDecisions),
        }));
        const original = assessArea(months);
        const raised = assessArea(scaled);
        original.forEach((a, i) => {
          expect(raised[i]!.centralisationIndex).toBeGreaterThanOrEqual(a.centralisationIndex - 1e-9);
          expect(raised[i]!.ownershipIndex).toBe(a.ownershipIndex);
        });
      }),
    );
  });

  it('the order of the input does not matter', () => {
    fc.assert(
      fc.property(area(), fc.infiniteStream(fc.nat()), (months, randomness) => {
        const shuffled = [...months];
        const draws = randomness[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = draws.next().value! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(assessArea(shuffled)).toEqual(assessArea(months));
      }),
    );
  });
});
