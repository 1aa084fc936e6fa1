import { countUsers, getUserByEmail, listAreas, listMonthsWithFigures } from '@autonomy/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../test/harness.ts';
import { verifyPassword } from './auth/secrets.ts';
import { bootstrap, DEMO_ADMIN } from './bootstrap.ts';

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
