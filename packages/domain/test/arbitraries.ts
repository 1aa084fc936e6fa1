// fast-check arbitraries for one area's months and for settings, shared by the property tests.
import fc from 'fast-check';
import type { MonthlyFigures } from '../src/figures.ts';
import { addMonths } from '../src/month.ts';
import { DEFAULT_SETTINGS, type DriftSettings } from '../src/settings.ts';

const START = '2020-01';

/** A month's inputs without its month; small counts so zeros (no hires, no support) come up often. */
export const inputs = (activity: { minHires: number; minDecisions: number } = { minHires: 0, minDecisions: 0 }) =>
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
export const area = (activity?: Parameters<typeof inputs>[0], firstOffset = 0) =>
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

export const settingsArb = fc
  .record({ windowMonths: fc.integer({ min: 1, max: 4 }), escalationAfterMonths: fc.integer({ min: 1, max: 4 }) })
  .map((changes): DriftSettings => ({ ...DEFAULT_SETTINGS, ...changes }));

/**
 * Settings that move every boundary a finding depends on: the window, the run, both thresholds
 * (so erosion and drift months come and go) and the weights.
 */
export const wideSettingsArb = fc
  .record({
    windowMonths: fc.integer({ min: 1, max: 4 }),
    escalationAfterMonths: fc.integer({ min: 1, max: 4 }),
    ownershipFallThreshold: fc.constantFrom(0.5, 2, 5, 12.5),
    centralisationRiseThreshold: fc.constantFrom(0.5, 2, 5, 12.5),
    hiringWeight: fc.constantFrom(0, 1, 3),
    latencyWeight: fc.constantFrom(0, 1, 2.5),
  })
  .map(
    ({ hiringWeight, latencyWeight, ...changes }): DriftSettings => ({
      ...DEFAULT_SETTINGS,
      ...changes,
      weights: {
        ownership: { ...DEFAULT_SETTINGS.weights.ownership, hiring: hiringWeight },
        centralisation: { ...DEFAULT_SETTINGS.weights.centralisation, latency: latencyWeight },
      },
    }),
  );
