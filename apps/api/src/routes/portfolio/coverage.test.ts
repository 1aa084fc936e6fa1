import { formatMetricsCsv, type Portfolio, type Review } from '@autonomy/contracts';
import { insertReview } from '@autonomy/db';
import { monthOf } from '@autonomy/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFigures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';

// Ten areas, all created today (December 2026 or later) from an import of their history, so each
// is active from its first month with figures:
//
//   area        2025-09  2025-10  2025-11
//   Billing        x        x        x
//   Checkout       x        x
//   Growth         x        x
//   Insights                x          (first figures in October: not active in September)
//   Messaging      x        x
//   Mobile         x        x
//   Onboarding     x        x
//   Payments       x        x
//   Platform       x        x
//   Search         x                   (has a lead; missing from October on)
//
//   reported / active:   9 / 9   9 / 10   1 / 10   → the default month is 2025-10
const AREAS = ['Billing', 'Checkout', 'Growth', 'Insights', 'Messaging', 'Mobile', 'Onboarding', 'Payments', 'Platform', 'Search'];
const REPORTED: Record<string, readonly string[]> = {
  '2025-09': AREAS.filter((name) => name !== 'Insights'),
  '2025-10': AREAS.filter((name) => name !== 'Search'),
  '2025-11': ['Billing'],
};
const slugOf = (name: string) => name.toLowerCase();

function figuresCsv(reported: Record<string, readonly string[]>): string {
  return formatMetricsCsv(
    Object.entries(reported).flatMap(([month, names]) =>
      names.map((name) => ({ areaSlug: slugOf(name), areaName: name, month, ...exampleFigures })),
    ),
  );
}

let harness: Harness;
let admin: TestUser;
let executive: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
  admin = await harness.user('admin');
  executive = await harness.user('executive');
  viewer = await harness.user('viewer');
  await harness.importCsv(figuresCsv(REPORTED), admin);
  const lead = await harness.user('area_lead');
  expect((await harness.json('/api/v1/areas/search', 'PATCH', { leadEmails: [lead.email] }, admin)).status).toBe(200);
}, 60_000);
afterAll(() => harness.stop());

async function portfolio(month?: string): Promise<Portfolio> {
  const response = await harness.request(`/api/v1/portfolio${month ? `?month=${month}` : ''}`, { as: viewer });
  expect(response.status).toBe(200);
  return (await response.json()) as Portfolio;
}

const slugs = (areas: readonly { slug: string }[]) => areas.map((area) => area.slug);

describe('GET /api/v1/portfolio: coverage', () => {
  it('accounts for every active area of a month: the reported as rows, the rest as not reported', async () => {
    const october = await portfolio('2025-10');
    expect(october.coverage).toEqual({ reported: 9, active: 10 });
    expect(october.areas).toHaveLength(9);
    expect(october.organisation.areasWithFigures).toBe(9);
    expect(october.notReported).toEqual([{ slug: 'search', name: 'Search', leadNames: ['Test area_lead'] }]);

    const november = await portfolio('2025-11');
    expect(november.coverage).toEqual({ reported: 1, active: 10 });
    expect(slugs(november.areas)).toEqual(['billing']);
    expect(slugs(november.notReported)).toEqual([
      'checkout', 'growth', 'insights', 'messaging', 'mobile', 'onboarding', 'payments', 'platform', 'search',
    ]);
  });

  it('counts an area from its first month with figures', async () => {
    const september = await portfolio('2025-09');
    expect(september.coverage).toEqual({ reported: 9, active: 9 });
    expect(september.notReported).toEqual([]);
    // Before any area began, nothing is active.
    expect((await portfolio('2025-08')).coverage).toEqual({ reported: 0, active: 0 });
  });

  it('lists a new area without figures as not reported from the month it was created', async () => {
    await harness.rollback(async () => {
      expect((await harness.json('/api/v1/areas', 'POST', { slug: 'ledger', name: 'Ledger' }, admin)).status).toBe(201);
      const now = await portfolio(monthOf(new Date()));
      // The ten areas reported before this month, so all are active in it; none has reported yet.
      expect(now.coverage).toEqual({ reported: 0, active: 11 });
      expect(slugs(now.notReported)).toContain('ledger');
      expect(now.notReported.find((area) => area.slug === 'ledger')).toEqual({ slug: 'ledger', name: 'Ledger', leadNames: [] });
      // It did not exist in October 2025.
      const october = await portfolio('2025-10');
      expect(october.coverage).toEqual({ reported: 9, active: 10 });
      expect(slugs(october.notReported)).toEqual(['search']);
    });
  });

  it('leaves archived areas out of the counts and the not-reported list', async () => {
    await harness.rollback(async () => {
      expect((await harness.json('/api/v1/areas/search', 'PATCH', { status: 'archived' }, admin)).status).toBe(200);
      const october = await portfolio('2025-10');
      expect(october.coverage).toEqual({ reported: 9, active: 9 });
      expect(october.notReported).toEqual([]);
      expect((await portfolio('2025-11')).coverage).toEqual({ reported: 1, active: 9 });
      expect((await portfolio('2025-09')).coverage).toEqual({ reported: 8, active: 8 });
    });
  });

  it('refuses a malformed month with problem+json', async () => {
    const response = await harness.request('/api/v1/portfolio?month=2025-13', { as: viewer });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.[0]?.path).toBe('query.month');
  });
});

describe('GET /api/v1/portfolio: the default month', () => {
  it('is the newest month in which at least half of the areas active then reported (November: 1 of 10 → October)', async () => {
    const body = await portfolio();
    expect(body.month).toBe('2025-10');
    expect(body.coverage).toEqual({ reported: 9, active: 10 });
    expect(body.months).toEqual(['2025-11', '2025-10', '2025-09']);
    // The month in progress, labelled with its coverage, down to the default month.
    expect(body.monthCoverage).toEqual([
      { month: '2025-11', reported: 1, active: 10 },
      { month: '2025-10', reported: 9, active: 10 },
    ]);
  });

  it('moves on once exactly half have reported, not before', async () => {
    await harness.rollback(async () => {
      await harness.importCsv(figuresCsv({ '2025-11': ['Checkout', 'Growth', 'Insights'] }), admin);
      const four = await portfolio();
      expect(four.month).toBe('2025-10');
      expect(four.monthCoverage[0]).toEqual({ month: '2025-11', reported: 4, active: 10 });

      await harness.importCsv(figuresCsv({ '2025-11': ['Messaging'] }), admin);
      const five = await portfolio();
      expect(five.month).toBe('2025-11');
      expect(five.coverage).toEqual({ reported: 5, active: 10 });
      expect(five.monthCoverage).toEqual([{ month: '2025-11', reported: 5, active: 10 }]);
      expect(slugs(five.notReported)).toEqual(['mobile', 'onboarding', 'payments', 'platform', 'search']);
    });
  });

  it('ignores a month whose only figures are of archived areas', async () => {
    await harness.rollback(async () => {
      expect((await harness.json('/api/v1/areas/billing', 'PATCH', { status: 'archived' }, admin)).status).toBe(200);
      const body = await portfolio();
      expect(body.month).toBe('2025-10');
      expect(body.months).toEqual(['2025-10', '2025-09']);
      expect(body.monthCoverage).toEqual([{ month: '2025-10', reported: 8, active: 9 }]);
    });
  });
});

describe('POST /api/v1/reviews: coverage in the frozen snapshot', () => {
  it('freezes the count and the not-reported areas, and starts even when few reported', async () => {
    await harness.rollback(async () => {
      const started = await harness.json('/api/v1/reviews', 'POST', { month: '2025-11', heldOn: '2025-12-03' }, executive);
      expect(started.status).toBe(201);
      const review = (await started.json()) as Review;
      expect(review.snapshot.coverage).toEqual({ reported: 1, active: 10 });
      expect(slugs(review.snapshot.notReported ?? [])).toEqual([
        'checkout', 'growth', 'insights', 'messaging', 'mobile', 'onboarding', 'payments', 'platform', 'search',
      ]);

      // Figures that arrive later do not change the pack.
      await harness.importCsv(figuresCsv({ '2025-11': ['Search'] }), admin);
      const read = (await (await harness.request(`/api/v1/reviews/${review.id}`, { as: viewer })).json()) as Review;
      expect(read.snapshot.coverage).toEqual({ reported: 1, active: 10 });
      expect(read.snapshot.notReported).toHaveLength(9);
    });
  });

  it('reads a snapshot frozen before coverage was recorded', async () => {
    await harness.rollback(async () => {
      const started = await harness.json('/api/v1/reviews', 'POST', { month: '2025-10', heldOn: '2025-11-05' }, executive);
      const { snapshot } = (await started.json()) as Review;
      expect(snapshot.coverage).toEqual({ reported: 9, active: 10 });
      expect(snapshot.notReported).toEqual([{ slug: 'search', name: 'Search', leadNames: ['Test area_lead'] }]);
      const { coverage: _coverage, notReported: _notReported, ...older } = snapshot;
      const row = await insertReview(harness.db, { month: '2025-09', heldOn: '2025-10-02', agenda: '', notes: '', snapshot: older, createdBy: admin.id });
      if (!row) throw new Error('the older review was not stored');
      const response = await harness.request(`/api/v1/reviews/${row.id}`, { as: viewer });
      expect(response.status).toBe(200);
      const read = (await response.json()) as Review;
      expect(read.snapshot.coverage).toBeUndefined();
      expect(read.snapshot.notReported).toBeUndefined();
      expect(read.snapshot.areas).toHaveLength(9);
    });
  });
});
