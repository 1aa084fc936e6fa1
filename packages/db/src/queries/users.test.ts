import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../test/index.ts';
import { createArea, addAreaLead } from './areas.ts';
import { createSession, createUser, deleteUserSessions, getSessionUser, getUserAccount, listUsers, updateUser } from './users.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await resetDatabase(database);
});

async function user(email: string, role: 'admin' | 'area_lead' | 'viewer' = 'viewer') {
  const created = await createUser(database.db, { email, name: email.split('@')[0] ?? email, role, passwordHash: 'secret-hash' });
  if (!created) throw new Error(`${email} was not created`);
  return created;
}

describe('listUsers', () => {
  it('pages users in email order with the areas they lead and never the password hash', async () => {
    const lead = await user('b-lead@example.com', 'area_lead');
    await user('a-admin@example.com', 'admin');
    await user('c-viewer@example.com');
    for (const slug of ['payments', 'growth']) {
      const area = await createArea(database.db, { slug, name: slug, description: '' });
      if (!area) throw new Error('area was not created');
      await addAreaLead(database.db, area.id, lead.id);
    }

    const first = await listUsers(database.db, { limit: 2 });
    expect(first.map((row) => row.email)).toEqual(['a-admin@example.com', 'b-lead@example.com']);
    expect(first[1]).toMatchObject({ role: 'area_lead', active: true, areaSlugs: ['growth', 'payments'] });
    expect(first[0]).not.toHaveProperty('passwordHash');

    const second = await listUsers(database.db, { limit: 2, afterEmail: 'b-lead@example.com' });
    expect(second.map((row) => [row.email, row.areaSlugs])).toEqual([['c-viewer@example.com', []]]);
  });
});

describe('updateUser and deleteUserSessions', () => {
  it('changes a user and reads it back, locked for update inside a transaction', async () => {
    const viewer = await user('viewer@example.com');
    await database.db.transaction(async (tx) => {
      expect(await getUserAccount(tx, viewer.id, { forUpdate: true })).toMatchObject({ role: 'viewer', active: true });
      await updateUser(tx, viewer.id, { role: 'executive', active: false, name: 'Vera' });
    });
    const after = await getUserAccount(database.db, viewer.id);
    expect(after).toMatchObject({ role: 'executive', active: false, name: 'Vera', areaSlugs: [] });
    expect(after?.updatedAt.getTime()).toBeGreaterThanOrEqual(viewer.updatedAt.getTime());
    expect(await getUserAccount(database.db, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it("ends a user's sessions but the one it is told to keep, and nobody else's", async () => {
    const viewer = await user('viewer@example.com');
    const other = await user('other@example.com');
    const expiresAt = new Date(Date.now() + 60_000);
    for (const tokenHash of ['keep', 'end-1', 'end-2']) await createSession(database.db, { tokenHash, userId: viewer.id, expiresAt });
    await createSession(database.db, { tokenHash: 'other', userId: other.id, expiresAt });

    expect(await deleteUserSessions(database.db, viewer.id, 'keep')).toBe(2);
    const now = new Date();
    expect(await getSessionUser(database.db, 'keep', now)).toMatchObject({ id: viewer.id });
    expect(await getSessionUser(database.db, 'end-1', now)).toBeUndefined();
    expect(await getSessionUser(database.db, 'other', now)).toMatchObject({ id: other.id });
    expect(await deleteUserSessions(database.db, viewer.id)).toBe(1);
  });
});
