import type { ApiTokenList, AuditList, Role } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';

let harness: Harness;
let admin: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin', { email: 'admin@example.com' });
});

const roles: Role[] = ['admin', 'executive', 'area_lead', 'viewer'];

async function createToken(owner: TestUser, name: string): Promise<{ id: string; token: string }> {
  const response = await harness.json('/api/v1/tokens', 'POST', { name }, owner);
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string };
}

async function listTokens(as: TestUser, query = ''): Promise<ApiTokenList> {
  const response = await harness.request(`/api/v1/tokens${query}`, { as });
  expect(response.status).toBe(200);
  return (await response.json()) as ApiTokenList;
}

const revoke = (id: string, as: TestUser) => harness.request(`/api/v1/tokens/${id}`, { method: 'DELETE', as });
const asBearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('GET /api/v1/tokens', () => {
  it.each(roles)("shows a %s only their own tokens, with last use and never the secret or hash", async (role) => {
    const owner = role === 'admin' ? admin : await harness.user(role);
    const someoneElse = await harness.user('viewer');
    const crm = await createToken(owner, 'CRM');
    await createToken(someoneElse, 'not yours');
    expect((await harness.request('/api/v1/auth/me', asBearer(crm.token))).status).toBe(200);

    const { items, nextCursor } = await listTokens(owner);
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      { id: crm.id, name: 'CRM', createdAt: expect.any(String), lastUsedAt: expect.any(String), revokedAt: null },
    ]);
    const raw = await (await harness.request('/api/v1/tokens', { as: owner })).text();
    expect(raw).not.toContain(crm.token);
    expect(raw).not.toMatch(/hash/i);
  });

  it('pages with limit and cursor', async () => {
    for (const name of ['one', 'two', 'three']) await createToken(admin, name);
    const first = await listTokens(admin, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await listTokens(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((token) => token.name).sort()).toEqual(['one', 'three', 'two']);
  });

  it('refuses strangers (401) and bad paging (422)', async () => {
    expect((await harness.request('/api/v1/tokens')).status).toBe(401);
    expect((await harness.request('/api/v1/tokens?limit=0', { as: admin })).status).toBe(422);
    const badCursor = await harness.request('/api/v1/tokens?cursor=bm90LWEtdXVpZA', { as: admin });
    expect(badCursor.status).toBe(422);
    expect((await problemOf(badCursor)).errors?.map((error) => error.path)).toEqual(['query.cursor']);
  });
});

describe('DELETE /api/v1/tokens/{id}', () => {
  it.each(roles)('lets a %s revoke their own token: 401 for it at once, listed as revoked, audited', async (role) => {
    const owner = role === 'admin' ? admin : await harness.user(role);
    const { id, token } = await createToken(owner, 'script');
    expect((await revoke(id, owner)).status).toBe(204);
    const refused = await harness.request('/api/v1/areas', asBearer(token));
    expect(refused.status).toBe(401);
    expect((await problemOf(refused)).status).toBe(401);
    expect((await listTokens(owner)).items[0]?.revokedAt).toEqual(expect.any(String));

    const audit = (await (await harness.request('/api/v1/audit?limit=1', { as: admin })).json()) as AuditList;
    expect(audit.items[0]).toMatchObject({
      action: 'token.revoked',
      subject: id,
      before: { name: 'script', revokedAt: null },
      after: { name: 'script', revokedAt: expect.any(String) },
    });
    // Revoking again changes nothing and records nothing.
    expect((await revoke(id, owner)).status).toBe(204);
    const again = (await (await harness.request('/api/v1/audit?limit=1', { as: admin })).json()) as AuditList;
    expect(again.items[0]?.id).toBe(audit.items[0]?.id);
  });

  it("lets an admin revoke anyone's token, naming its owner in the audit", async () => {
    const viewer = await harness.user('viewer', { email: 'viewer@example.com' });
    const { id, token } = await createToken(viewer, 'leaver');
    expect((await revoke(id, admin)).status).toBe(204);
    expect((await harness.request('/api/v1/areas', asBearer(token))).status).toBe(401);
    const audit = (await (await harness.request('/api/v1/audit?limit=1', { as: admin })).json()) as AuditList;
    expect(audit.items[0]).toMatchObject({ actor: { email: 'admin@example.com' }, after: { ownerEmail: 'viewer@example.com' } });
  });

  it.each<Role>(['executive', 'area_lead', 'viewer'])("refuses a %s another user's token (403) and leaves it working", async (role) => {
    const caller = await harness.user(role);
    const { id, token } = await createToken(admin, 'admin script');
    const response = await revoke(id, caller);
    expect(response.status).toBe(403);
    expect((await problemOf(response)).status).toBe(403);
    expect((await harness.request('/api/v1/areas', asBearer(token))).status).toBe(200);
  });

  it('answers 404 for an unknown token, 422 for a malformed id, 401 without credentials', async () => {
    const unknown = await revoke('00000000-0000-4000-8000-000000000000', admin);
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).status).toBe(404);
    const malformed = await revoke('abc', admin);
    expect(malformed.status).toBe(422);
    expect((await problemOf(malformed)).errors?.map((error) => error.path)).toEqual(['path.id']);
    const { id } = await createToken(admin, 'x');
    expect((await harness.request(`/api/v1/tokens/${id}`, { method: 'DELETE' })).status).toBe(401);
  });

  it('lets a token revoke itself when sent as the Bearer credential', async () => {
    const { id, token } = await createToken(admin, 'self');
    expect((await harness.request(`/api/v1/tokens/${id}`, { method: 'DELETE', ...asBearer(token) })).status).toBe(204);
    expect((await harness.request('/api/v1/auth/me', asBearer(token))).status).toBe(401);
  });
});
