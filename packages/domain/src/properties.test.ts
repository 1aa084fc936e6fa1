import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessArea, type AreaMonthAssessment } from './assess-area.ts';
import type { Contribution } from './contributions.ts';
import { isChipotleDrift } from './drift.ts';
import type { MonthlyFigures } from './figures.ts';
import { addMonths } from './month.ts';
import { DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';

const START = '2020-01';

/** A month's inputs without its month; small counts so zeros (no hires, no support) come up often. */
const inputs = (activity: { minHires: number; minDecisions: number } = { minHires: 0, minDecisions: 0 }) =>
  fc
    .record({
      revenueTarget: fc.constantFrom(0, 100, 1000),
      revenueActual: fc.integer({ min: 0, max: 1500 }),
      marketingDedicatedFte: fc.integer({ min: 0, max: 12 }).map((halves) => halves / 2),
      marketingSharedFte: fc.integer({ min: 0, max: 12 }).map((halves) => halves / 2),
      salesDedicatedFte: fc.integer({ min: 0, max: 6 }),
      salesSharedFte: fc.integer({ min: 0, max: 6 }),
      hiresTotal: fc.integer({ min: activity.minHires, max: 6 }),
      hiresLeadShare: fc.double({ min: 0, max: 1, noNaN: true }),
      decisionsTotal: fc.integer({ min: activity.minDecisions, max: 12 }),
      decisionsCentralShare: fc.double({ min: 0, max: 1, noNaN: true }),
      sharedServiceDependencies: fc.integer({ min: 0, max: 10 }),
      mandatoryProcesses: fc.integer({ min: 0, max: 20 }),
      approvalLatencyDays: fc.integer({ min: 0, max: 60 }).map((halves) => halves / 2),
      targetOwner: fc.constantFrom('area' as const, 'central' as const),
    })
    .map(({ hiresLeadShare, decisionsCentralShare, ...rest }) => ({
      ...rest,
      hiresLeadOwned: Math.floor(hiresLeadShare * rest.hiresTotal),
      decisionsCentral: Math.floor(decisionsCentralShare * rest.decisionsTotal),
    }));

/**
 * One area: consecutive months from START + firstOffset with about one in eight left out, so gaps
 * come up without leaving every window incomplete. A third of the areas instead keep their first
 * month's figures and slide steadily towards the centre, so long drift runs and escalation are
 * common, not a rare accident.
 */
const area = (activity?: Parameters<typeof inputs>[0], firstOffset = 0) =>
  fc
    .record({
      entries: fc.array(
        fc.record({ present: fc.integer({ min: 0, max: 7 }).map((n) => n > 0), figures: inputs(activity) }),
        { minLength: 4, maxLength: 24 },
      ),
      sliding: fc.integer({ min: 0, max: 2 }).map((n) => n === 0),
    })
    .map(({ entries, sliding }) =>
      entries.flatMap(({ present, figures }, offset): MonthlyFigures[] => {
        if (!present && offset > 0) return [];
        const month = addMonths(START, firstOffset + offset);
        if (!sliding) return [{ ...figures, month }];
        const first = entries[0]!.figures;
        return [
          {
            ...first,
            month,
            marketingDedicatedFte: first.marketingDedicatedFte + 2,
            marketingSharedFte: first.marketingSharedFte + 2 * offset,
            salesDedicatedFte: first.salesDedicatedFte + 2,
            salesSharedFte: first.salesSharedFte + 2 * offset,
            sharedServiceDependencies: first.sharedServiceDependencies + offset,
            mandatoryProcesses: first.mandatoryProcesses + 2 * offset,
            approvalLatencyDays: first.approvalLatencyDays + 3 * offset,
          },
        ];
      }),
    );

const settingsArb = fc
  .record({ windowMonths: fc.integer({ min: 1, max: 4 }), escalationAfterMonths: fc.integer({ min: 1, max: 4 }) })
  .map((changes): DriftSettings => ({ ...DEFAULT_SETTINGS, ...changes }));

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
