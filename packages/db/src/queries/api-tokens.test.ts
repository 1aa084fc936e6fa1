import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, resetDatabase, type TestDatabase } from '../test/index.ts';
import { createApiToken, getApiToken, getTokenUser, listApiTokens, revokeApiToken, revokeUserApiTokens } from './api-tokens.ts';
import { createUser, updateUser } from './users.ts';

let database: TestDatabase;
let userId: string;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});
beforeEach(async () => {
  await resetDatabase(database);
  const user = await createUser(database.db, { email: 'owner@example.com', name: 'Owner', role: 'viewer', passwordHash: 'x' });
  if (!user) throw new Error('user was not created');
  userId = user.id;
});

describe('listApiTokens', () => {
  it("pages one user's tokens, without hashes, even when they share a creation time", async () => {
    // In one transaction every row gets the same now(): the id must still order them without loss.
    await database.db.transaction(async (tx) => {
      for (const name of ['one', 'two', 'three']) await createApiToken(tx, { userId, name, tokenHash: `hash-${name}` });
    });
    const other = await createUser(database.db, { email: 'other@example.com', name: 'Other', role: 'viewer', passwordHash: 'x' });
    if (!other) throw new Error('user was not created');
    await createApiToken(database.db, { userId: other.id, name: 'not mine', tokenHash: 'hash-other' });

    const seen: string[] = [];
    let afterId: string | undefined;
    for (;;) {
      const page = await listApiTokens(database.db, { userId, limit: 2, afterId });
      for (const token of page) expect(token).not.toHaveProperty('tokenHash');
      seen.push(...page.map((token) => token.name));
      if (page.length < 2) break;
      afterId = page.at(-1)?.id;
    }
    expect(seen.sort()).toEqual(['one', 'three', 'two']);
  });
});

describe('revoking tokens', () => {
  it('revokes once, after which the token no longer finds its user', async () => {
    const token = await createApiToken(database.db, { userId, name: 'CRM', tokenHash: 'hash-crm' });
    const now = new Date();
    expect(await getTokenUser(database.db, 'hash-crm', now)).toMatchObject({ id: userId });
    expect(await getApiToken(database.db, token.id)).toMatchObject({ name: 'CRM', revokedAt: null, lastUsedAt: now });

    expect(await revokeApiToken(database.db, token.id, now)).toMatchObject({ id: token.id, revokedAt: now });
    expect(await revokeApiToken(database.db, token.id, now)).toBeUndefined();
    expect(await getTokenUser(database.db, 'hash-crm', now)).toBeUndefined();
  });

  it("revokes every live token of a user and finds no user behind a deactivated one's token", async () => {
    await createApiToken(database.db, { userId, name: 'a', tokenHash: 'hash-a' });
    const b = await createApiToken(database.db, { userId, name: 'b', tokenHash: 'hash-b' });
    await createApiToken(database.db, { userId, name: 'c', tokenHash: 'hash-c' });
    await revokeApiToken(database.db, b.id, new Date());

    await updateUser(database.db, userId, { active: false });
    expect(await getTokenUser(database.db, 'hash-a', new Date())).toBeUndefined();
    expect(await revokeUserApiTokens(database.db, userId, new Date())).toBe(2);
    expect((await listApiTokens(database.db, { userId, limit: 10 })).every((token) => token.revokedAt !== null)).toBe(true);
  });
});
