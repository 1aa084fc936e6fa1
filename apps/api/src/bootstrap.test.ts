import type { Portfolio, Review } from '@autonomy/contracts';
import { countUsers, getUserByEmail, listAreas, listMonthsWithFigures, listReviews } from '@autonomy/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../test/harness.ts';
import { verifyPassword } from './auth/secrets.ts';
import { bootstrap, DEMO_ADMIN } from './bootstrap.ts';
import { seedDemoReview } from './services/demo-review.ts';

let harness: Harness;
const now = new Date('2026-11-22T10:00:00Z');

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(() => harness.reset());

describe('bootstrap', () => {
  it('creates the configured admin and seeds demo data ending last month into a new database', async () => {
    const report = await bootstrap(harness.database, { ADMIN_EMAIL: 'Boss@Example.com', ADMIN_PASSWORD: 'a-long-password', SEED_DEMO: true }, now);
    expect(report).toMatchObject({ createdAdmin: 'Boss@Example.com', seeded: true, usersExist: true });
    const admin = await getUserByEmail(harness.db, 'boss@example.com');
    expect(admin?.role).toBe('admin');
    expect(await verifyPassword('a-long-password', admin?.passwordHash ?? '')).toBe(true);
    expect((await listAreas(harness.db, { limit: 100 })).length).toBeGreaterThanOrEqual(8);
    expect((await listMonthsWithFigures(harness.db))[0]).toBe('2026-10');
    expect(report.demoAccounts.map((account) => account.role)).toEqual(expect.arrayContaining(['executive', 'area_lead', 'viewer']));
  });

  it('gives the demo a review of the month before the latest, frozen from its real portfolio, with decisions and action items', async () => {
    await bootstrap(harness.database, { SEED_DEMO: true }, now);
    const [summary, ...others] = await listReviews(harness.db, { limit: 10 });
    expect(others).toEqual([]);
    expect(summary).toMatchObject({ month: '2026-09', heldOn: '2026-10-08', createdBy: { email: 'exec@demo.example' } });

    const viewer = await harness.user('viewer');
    const review = (await (await harness.request(`/api/v1/reviews/${summary?.id}`, { as: viewer })).json()) as Review;
    const portfolio = (await (await harness.request('/api/v1/portfolio?month=2026-09', { as: viewer })).json()) as Portfolio;
    expect(review.snapshot.areas).toEqual(portfolio.areas);
    expect(review.snapshot.organisation).toEqual(portfolio.organisation);
    expect(review.snapshot.signals[0]).toMatchObject({ kind: 'chipotle_drift', areaSlug: 'checkout', severity: 'critical' });
    expect(review.decisions.map((decision) => [decision.areaSlug, decision.createdBy?.email])).toEqual([
      ['checkout', 'exec@demo.example'],
      ['mobile', 'exec@demo.example'],
    ]);
    const today = now.toISOString().slice(0, 10);
    expect(review.actionItems.map((item) => [item.owner?.email, item.status, item.dueOn !== null && item.dueOn < today])).toEqual([
      ['exec@demo.example', 'done', true],
      ['priya.raman@demo.example', 'open', true],
      ['marcus.chen@demo.example', 'open', false],
    ]);
    expect(review).toMatchObject({ decisionCount: 2, actionItemCount: 3, openActionItemCount: 2 });

    // Seeding it again changes nothing: the month has its review.
    const seeder = { id: review.createdBy?.id ?? '', email: 'exec@demo.example', name: 'Erin Executive' };
    expect(await seedDemoReview(harness.db, { endMonth: '2026-10', seeder, now })).toBeNull();
    expect(await listReviews(harness.db, { limit: 10 })).toHaveLength(1);
  });

  it('creates a demo admin when demo data is seeded without ADMIN_EMAIL, and names it again on the next start', async () => {
    const first = await bootstrap(harness.database, { SEED_DEMO: true }, now);
    expect(first.demoAccounts[0]).toEqual({ email: DEMO_ADMIN.email, password: DEMO_ADMIN.password, role: 'admin' });
    const usersAfterFirst = await countUsers(harness.db);
    const second = await bootstrap(harness.database, { SEED_DEMO: true, ADMIN_EMAIL: 'late@example.com', ADMIN_PASSWORD: 'a-long-password' }, now);
    expect(second).toMatchObject({ seeded: false, createdAdmin: null });
    expect(second.demoAccounts.map((account) => account.email)).toEqual(first.demoAccounts.map((account) => account.email));
    expect(await countUsers(harness.db)).toBe(usersAfterFirst);
  });

  it('starts empty with SEED_DEMO=false', async () => {
    const report = await bootstrap(harness.database, { SEED_DEMO: false, ADMIN_EMAIL: 'boss@example.com', ADMIN_PASSWORD: 'a-long-password' }, now);
    expect(report).toMatchObject({ seeded: false, createdAdmin: 'boss@example.com', demoAccounts: [] });
    expect(await listAreas(harness.db, { limit: 10 })).toEqual([]);
  });

  it('creates nobody without ADMIN_EMAIL and without demo data, and says so', async () => {
    const report = await bootstrap(harness.database, { SEED_DEMO: false }, now);
    expect(report).toMatchObject({ usersExist: false, createdAdmin: null });
  });
});
