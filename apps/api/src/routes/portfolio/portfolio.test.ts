import type { Portfolio } from '@autonomy/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv, workedExampleExpected } from '../../../test/worked-example.ts';

let harness: Harness;
let viewer: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
  const admin = await harness.user('admin');
  viewer = await harness.user('viewer');
  await harness.importCsv(workedExampleCsv, admin);
});
afterAll(() => harness.stop());

async function portfolio(month?: string): Promise<Portfolio> {
  const response = await harness.request(`/api/v1/portfolio${month ? `?month=${month}` : ''}`, { as: viewer });
  expect(response.status).toBe(200);
  return (await response.json()) as Portfolio;
}

describe('GET /api/v1/portfolio on the worked example', () => {
  const months = [...new Set(workedExampleExpected.map((row) => row.month))];

  it.each(months)('reports every area of %s exactly as the example expects', async (month) => {
    const body = await portfolio(month);
    const expected = workedExampleExpected.filter((row) => row.month === month);
    expect(body.areas.map((row) => row.slug).sort()).toEqual(expected.map((row) => row.areaSlug).sort());
    for (const want of expected) {
      const row = body.areas.find((candidate) => candidate.slug === want.areaSlug);
      if (!row) throw new Error(`no row for ${want.areaSlug}`);
      expect(row.ownershipIndex).toBeCloseTo(want.ownershipIndex, 4);
      expect(row.centralisationIndex).toBeCloseTo(want.centralisationIndex, 4);
      expect(row.revenueAttainment).toBeCloseTo(want.revenueAttainment ?? Number.NaN, 4);
      expect(row.driftState, `${want.areaSlug} ${month}`).toBe(want.driftState);
      if (want.ownershipDelta === undefined) {
        expect(row.ownershipDelta).toBeNull();
      } else {
        expect(row.ownershipDelta).toBeCloseTo(want.ownershipDelta, 4);
        expect(row.centralisationDelta).toBeCloseTo(want.centralisationDelta ?? Number.NaN, 4);
      }
      if (want.severity) {
        expect(row.drift).toEqual({
          severity: want.severity,
          ownershipDelta: row.ownershipDelta,
          centralisationDelta: row.centralisationDelta,
        });
      } else {
        expect(row.drift).toBeNull();
      }
    }
  });

  it('summarises the organisation over the areas with figures', async () => {
    const body = await portfolio('2024-09');
    const rows = workedExampleExpected.filter((row) => row.month === '2024-09');
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const complete = rows.filter((row) => row.ownershipDelta !== undefined);
    expect(body.organisation.areasWithFigures).toBe(5);
    expect(body.organisation.ownershipIndex).toBeCloseTo(mean(rows.map((row) => row.ownershipIndex)), 4);
    expect(body.organisation.centralisationIndex).toBeCloseTo(mean(rows.map((row) => row.centralisationIndex)), 4);
    expect(body.organisation.areasWithCompleteWindow).toBe(complete.length);
    expect(body.organisation.ownershipDelta).toBeCloseTo(mean(complete.map((row) => row.ownershipDelta ?? 0)), 4);
    expect(body.organisation.areasInDrift).toBe(2);
    expect(body.organisation.shareInDrift).toBeCloseTo(2 / complete.length, 10);
  });

  it('defaults to the latest month and lists every month newest first', async () => {
    const body = await portfolio();
    expect(body.month).toBe('2024-12');
    expect(body.months[0]).toBe('2024-12');
    expect(body.months.at(-1)).toBe('2024-03');
    expect(body.months).toHaveLength(10);
  });

  it('answers an empty portfolio for a month without figures, and 422 for a malformed month', async () => {
    const empty = await portfolio('2030-01');
    expect(empty.areas).toEqual([]);
    expect(empty.organisation.areasWithFigures).toBe(0);
    const malformed = await harness.request('/api/v1/portfolio?month=24-1', { as: viewer });
    expect(malformed.status).toBe(422);
    expect((await problemOf(malformed)).errors?.[0]?.path).toBe('query.month');
  });

  it("leaves archived areas out of the portfolio", async () => {
    const admin = await harness.user('admin');
    expect((await harness.json('/api/v1/areas/mobile', 'PATCH', { status: 'archived' }, admin)).status).toBe(200);
    const body = await portfolio('2024-09');
    expect(body.areas.map((row) => row.slug)).not.toContain('mobile');
    expect((await harness.json('/api/v1/areas/mobile', 'PATCH', { status: 'active' }, admin)).status).toBe(200);
  });
});

describe('GET /api/v1/areas/{slug}/history', () => {
  it("lists an area's months oldest first with their indices and drift", async () => {
    const response = await harness.request('/api/v1/areas/growth/history', { as: viewer });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { slug: string; months: { month: string; driftState: string }[] };
    const expected = workedExampleExpected.filter((row) => row.areaSlug === 'growth');
    expect(body.months.map((point) => [point.month, point.driftState])).toEqual(
      expected.map((row) => [row.month, row.driftState]),
    );
  });

  it('answers 404 for an unknown area', async () => {
    expect((await harness.request('/api/v1/areas/nowhere/history', { as: viewer })).status).toBe(404);
  });
});
