import { isDeepStrictEqual } from 'node:util';
import { type AreaMonthFigures, formatMetricsCsv } from '@autonomy/contracts';
import { DEFAULT_SETTINGS, type DriftSettings } from '@autonomy/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFromScratch, storedState } from './assessment-check.ts';
import { Harness, type TestUser } from './harness.ts';

// Random sequences of every kind of write, some of them at once, and after each the stored
// assessments and open findings must be exactly what a from-scratch recomputation gives.
// Few areas and months, so writes keep landing on each other's windows and carried values.

const AREAS = ['alpha', 'beta', 'gamma'] as const;
const MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06', '2024-07', '2024-08'] as const;

const areaArb = fc.constantFrom(...AREAS);
const monthArb = fc.constantFrom(...MONTHS);
const fte = fc.integer({ min: 0, max: 8 }).map((halves) => halves / 2);

const figuresArb: fc.Arbitrary<AreaMonthFigures> = fc
  .record({
    revenueTarget: fc.constantFrom(0, 1000, 2000),
    revenueActual: fc.constantFrom(0, 800, 1500, 2500),
    marketingDedicatedFte: fte,
    marketingSharedFte: fte,
    salesDedicatedFte: fte,
    salesSharedFte: fte,
    // Often no hires or decisions, so values are carried forward across months and gaps.
    hiresTotal: fc.constantFrom(0, 0, 1, 2, 4),
    hiresOwnedShare: fc.constantFrom(0, 0.5, 1),
    decisionsTotal: fc.constantFrom(0, 0, 2, 5),
    decisionsCentralShare: fc.constantFrom(0, 0.5, 1),
    sharedServiceDependencies: fc.integer({ min: 0, max: 8 }),
    mandatoryProcesses: fc.integer({ min: 0, max: 16 }),
    approvalLatencyDays: fc.constantFrom(0, 2.5, 10, 30),
    targetOwner: fc.constantFrom('area' as const, 'central' as const),
  })
  .map(({ hiresOwnedShare, decisionsCentralShare, ...figures }) => ({
    ...figures,
    hiresLeadOwned: Math.floor(figures.hiresTotal * hiresOwnedShare),
    decisionsCentral: Math.floor(figures.decisionsTotal * decisionsCentralShare),
  }));

const settingsArb: fc.Arbitrary<DriftSettings> = fc
  .record({
    windowMonths: fc.integer({ min: 1, max: 3 }),
    escalationAfterMonths: fc.integer({ min: 1, max: 3 }),
    ownershipFallThreshold: fc.constantFrom(1, 5, 10),
    centralisationRiseThreshold: fc.constantFrom(1, 5, 10),
    hiringWeight: fc.constantFrom(0, 1, 3),
  })
  .map(({ hiringWeight, ...changes }) => ({
    ...DEFAULT_SETTINGS,
    ...changes,
    weights: { ...DEFAULT_SETTINGS.weights, ownership: { ...DEFAULT_SETTINGS.weights.ownership, hiring: hiringWeight } },
  }));

type Write =
  | { kind: 'put'; area: string; month: string; figures: AreaMonthFigures }
  | { kind: 'delete'; area: string; month: string }
  | { kind: 'import'; rows: { area: string; month: string; figures: AreaMonthFigures }[] }
  | { kind: 'target'; area: string; from: string; to: string; revenueTarget: number }
  | { kind: 'settings'; settings: DriftSettings }
  /** A decision on one of the incidents there are then (the pick-th, wrapping), if any. */
  | { kind: 'decide'; pick: number; status: 'acknowledged' | 'dismissed' | 'resolved' | 'open' };

const writeArb: fc.Arbitrary<Write> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('put' as const), area: areaArb, month: monthArb, figures: figuresArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), area: areaArb, month: monthArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('import' as const),
      rows: fc.uniqueArray(fc.record({ area: areaArb, month: monthArb, figures: figuresArb }), {
        minLength: 1,
        maxLength: 8,
        selector: (row) => `${row.area} ${row.month}`,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ area: areaArb, a: monthArb, b: monthArb, revenueTarget: fc.constantFrom(500, 1000, 3000) })
      .map(({ area, a, b, revenueTarget }) => ({ kind: 'target' as const, area, from: a < b ? a : b, to: a < b ? b : a, revenueTarget })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('settings' as const), settings: settingsArb }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('decide' as const),
      pick: fc.nat(20),
      status: fc.constantFrom('acknowledged' as const, 'dismissed' as const, 'resolved' as const, 'open' as const),
    }),
  },
);

/** A step is one write, or a few sent at the same moment (concurrent writers). */
const stepArb = fc.oneof({ weight: 3, arbitrary: writeArb.map((write) => [write]) }, { weight: 1, arbitrary: fc.array(writeArb, { minLength: 2, maxLength: 4 }) });

let harness: Harness;
let admin: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
}, 30_000);
afterAll(() => harness.stop());

async function send(write: Write): Promise<{ status: number; settings?: DriftSettings }> {
  switch (write.kind) {
    case 'put':
      return harness.json(`/api/v1/areas/${write.area}/months/${write.month}`, 'PUT', write.figures, admin);
    case 'delete':
      return harness.request(`/api/v1/areas/${write.area}/months/${write.month}`, { method: 'DELETE', as: admin });
    case 'import':
      return harness.request('/api/v1/imports/metrics', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: formatMetricsCsv(write.rows.map(({ area, month, figures }) => ({ areaSlug: area, areaName: area, month, ...figures }))),
        as: admin,
      });
    case 'target': {
      const { from, to, revenueTarget } = write;
      return harness.json(`/api/v1/areas/${write.area}/targets`, 'POST', { from, to, revenueTarget, reason: 'replanned' }, admin);
    }
    case 'settings': {
      const response = await harness.json('/api/v1/settings', 'PUT', write.settings, admin);
      return { status: response.status, settings: write.settings };
    }
    case 'decide': {
      const { items } = (await (await harness.request('/api/v1/incidents?limit=1000', { as: admin })).json()) as { items: { id: string }[] };
      const incident = items[write.pick % Math.max(1, items.length)];
      if (!incident) return { status: 204 };
      const body = write.status === 'dismissed' ? { status: write.status, reason: 'seasonal' } : { status: write.status };
      // No If-Match: sent at once with figure writes, the decision lands before or after them.
      return harness.json(`/api/v1/incidents/${incident.id}`, 'PATCH', body, admin);
    }
  }
}

const ACCEPTED = new Set([200, 201, 204]);

describe('stored assessments', () => {
  it(
    'equal a from-scratch recomputation after every write, and after writes sent at once',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 10 }), async (steps) => {
          await harness.reset();
          admin = await harness.user('admin');
          // The areas exist from the start, so deletes and targets have something to act on.
          for (const slug of AREAS) {
            expect((await harness.json('/api/v1/areas', 'POST', { slug, name: slug }, admin)).status).toBe(201);
          }
          let settings = DEFAULT_SETTINGS;
          for (const step of steps) {
            const answers = await Promise.all(step.map(send));
            for (const [i, answer] of answers.entries()) {
              const write = step[i]!;
              // A delete of a month without figures is a 404; a decision sent at the same moment as
              // writes may find its incident moved by their recompute, and is refused as stale (412),
              // as designed; anything else must be accepted.
              const refusedAsDesigned =
                (write.kind === 'delete' && answer.status === 404) || (write.kind === 'decide' && step.length > 1 && answer.status === 412);
              if (!refusedAsDesigned) expect(answer.status, JSON.stringify(write)).toSatisfy((s: number) => ACCEPTED.has(s));
            }
            // Of settings sent at once, the last to commit is in force; read which from the API.
            if (answers.some((answer) => answer.settings)) {
              settings = ((await (await harness.request('/api/v1/settings', { as: admin })).json()) as { settings: DriftSettings }).settings;
              expect(step.some((write) => write.kind === 'settings' && isDeepStrictEqual(write.settings, settings))).toBe(true);
            }
            const expected = await recomputeFromScratch(harness.db, settings);
            const stored = await storedState(harness.db);
            expect(stored.assessments).toEqual(expected.assessments);
            expect(stored.findings).toEqual(expected.findings);
            expect(stored.incidents).toEqual(expected.incidents);
            expect(stored.misaligned).toEqual([]);
          }
        }),
        { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
      );
    },
    300_000,
  );
});
