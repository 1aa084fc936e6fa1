import { formatMetricsCsv } from '@autonomy/contracts';
import { DEFAULT_SETTINGS, type DriftSettings } from '@autonomy/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeFromScratch, storedState } from './assessment-check.ts';
import { exampleFigures, Harness, type TestUser } from './harness.ts';

// A settings change reassesses every area while leads keep writing figures. On PostgreSQL these
// run truly at once; whatever the interleaving, no assessment may be left computed under the
// settings that were replaced, and no write may fail (ADR 0004).

const AREAS = Array.from({ length: 30 }, (_, i) => `area-${String(i).padStart(2, '0')}`);
const MONTHS = Array.from({ length: 24 }, (_, i) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

let harness: Harness;
let admin: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
  admin = await harness.user('admin');
  const rows = AREAS.flatMap((slug, a) =>
    MONTHS.map((month, m) => ({
      areaSlug: slug,
      areaName: slug,
      month,
      ...exampleFigures,
      sharedServiceDependencies: (a + m) % 7,
      mandatoryProcesses: (a * m) % 11,
      hiresTotal: m % 3,
      hiresLeadOwned: m % 3 === 2 ? a % 3 : 0,
    })),
  );
  const imported = await harness.request('/api/v1/imports/metrics', {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: formatMetricsCsv(rows),
    as: admin,
  });
  expect(imported.status).toBe(200);
}, 60_000);
afterAll(() => harness.stop());

const windowOf = (round: number): DriftSettings => ({ ...DEFAULT_SETTINGS, windowMonths: round % 2 === 0 ? 2 : 4 });

describe('a settings change and figure writes at the same moment', () => {
  it('leaves every assessment computed under the settings in force, and refuses no write', async () => {
    for (let round = 0; round < 6; round++) {
      const settings = windowOf(round);
      const writes = AREAS.slice(0, 16).map((slug, i) =>
        harness.json(
          `/api/v1/areas/${slug}/months/${MONTHS[(round * 5 + i) % MONTHS.length]}`,
          'PUT',
          { ...exampleFigures, mandatoryProcesses: 20 + round, hiresTotal: (round + i) % 3, hiresLeadOwned: 0 },
          admin,
        ),
      );
      const removal = harness.request(`/api/v1/areas/${AREAS[20 + round]}/months/${MONTHS[10]}`, { method: 'DELETE', as: admin });
      const change = harness.json('/api/v1/settings', 'PUT', settings, admin);
      const answers = await Promise.all([change, removal, ...writes]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 204, ...writes.map(() => expect.any(Number))]);
      for (const answer of answers.slice(2)) expect([200, 201]).toContain(answer.status);

      const expected = await recomputeFromScratch(harness.db, settings);
      const stored = await storedState(harness.db);
      expect(stored.assessments).toEqual(expected.assessments);
      expect(stored.findings).toEqual(expected.findings);
      expect(stored.incidents).toEqual(expected.incidents);
      expect(stored.misaligned).toEqual([]);
    }
  }, 120_000);
});
