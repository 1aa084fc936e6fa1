import type { AuditList, Role, UserAccount, UserAccountList } from '@autonomy/contracts';
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

const nonAdmins: Role[] = ['executive', 'area_lead', 'viewer'];
const patchUser = (id: string, body: unknown, as: TestUser = admin) => harness.json(`/api/v1/users/${id}`, 'PATCH', body, as);
const signIn = (email: string, password: string) => harness.json('/api/v1/auth/login', 'POST', { email, password });

async function latestAudit(): Promise<AuditList['items'][number] | undefined> {
  const response = await harness.request('/api/v1/audit?limit=1', { as: admin });
  return ((await response.json()) as AuditList).items[0];
}

describe('GET /api/v1/users', () => {
  it('lists users in email order with role, active and the areas they lead, paged', async () => {
    await harness.user('area_lead', { email: 'lead@example.com', leads: ['payments', 'growth'] });
    await harness.user('viewer', { email: 'viewer@example.com' });
    const first = await harness.request('/api/v1/users?limit=2', { as: admin });
    expect(first.status).toBe(200);
    const page = (await first.json()) as UserAccountList;
    expect(page.items.map((user) => [user.email, user.role, user.active, user.areaSlugs])).toEqual([
      ['admin@example.com', 'admin', true, []],
      ['lead@example.com', 'area_lead', true, ['growth', 'payments']],
    ]);
    expect(JSON.stringify(page)).not.toMatch(/password|scrypt/i);

    const second = (await (await harness.request(`/api/v1/users?limit=2&cursor=${page.nextCursor}`, { as: admin })).json()) as UserAccountList;
    expect(second).toMatchObject({ items: [{ email: 'viewer@example.com' }], nextCursor: null });
  });

  it.each(nonAdmins)('is refused to a %s (403) and to strangers (401)', async (role) => {
    const user = await harness.user(role);
    const response = await harness.request('/api/v1/users', { as: user });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).status).toBe(403);
    expect((await harness.request('/api/v1/users')).status).toBe(401);
  });

  it('refuses a bad limit or cursor with 422', async () => {
    expect((await harness.request('/api/v1/users?limit=5000', { as: admin })).status).toBe(422);
    expect((await harness.request('/api/v1/users?cursor=%25', { as: admin })).status).toBe(422);
  });
});

describe('PATCH /api/v1/users/{id}', () => {
  it('changes name and role, and records it in the audit log', async () => {
    const viewer = await harness.user('viewer', { email: 'viewer@example.com' });
    const response = await patchUser(viewer.id, { name: 'Vera Viewer', role: 'executive' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ id: viewer.id, name: 'Vera Viewer', role: 'executive', active: true });
    expect(await (await harness.request('/api/v1/auth/me', { as: viewer })).json()).toMatchObject({ user: { role: 'executive' } });
    expect(await latestAudit()).toMatchObject({
      action: 'user.updated',
      subject: 'viewer@example.com',
      actor: { email: 'admin@example.com' },
      before: { name: 'Test viewer', role: 'viewer', active: true },
      after: { name: 'Vera Viewer', role: 'executive', active: true },
    });
  });

  it('deactivates a user: their sessions and tokens stop at once, sign-in is refused, and it is audited', async () => {
    const lead = await harness.user('area_lead', { email: 'lead@example.com', leads: ['payments'] });
    const token = ((await (await harness.json('/api/v1/tokens', 'POST', { name: 'sync' }, lead)).json()) as { token: string }).token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await harness.request('/api/v1/areas', { headers: bearer })).status).toBe(200);

    const response = await patchUser(lead.id, { active: false });
    expect(response.status).toBe(200);
    expect(((await response.json()) as UserAccount).active).toBe(false);
    expect((await harness.request('/api/v1/areas', { as: lead })).status).toBe(401);
    expect((await harness.request('/api/v1/areas', { headers: bearer })).status).toBe(401);
    expect((await signIn(lead.email, lead.password)).status).toBe(401);
    expect(await latestAudit()).toMatchObject({
      action: 'user.deactivated',
      before: { active: true },
      after: { active: false, sessionsEnded: 1, tokensRevoked: 1 },
    });

    // Reactivated, they sign in again; the revoked token stays revoked.
    expect((await patchUser(lead.id, { active: true })).status).toBe(200);
    expect((await latestAudit())?.action).toBe('user.reactivated');
    expect((await signIn(lead.email, lead.password)).status).toBe(200);
    expect((await harness.request('/api/v1/areas', { headers: bearer })).status).toBe(401);
  });

  it('resets a password: the old one stops working, their sessions end, their API tokens are revoked, the audit holds no hash', async () => {
    const viewer = await harness.user('viewer', { email: 'viewer@example.com' });
    const createToken = async (name: string) => ((await (await harness.json('/api/v1/tokens', 'POST', { name }, viewer)).json()) as { token: string }).token;
    // Tokens made with the old password, by whoever knew it: each must stop working.
    const bearers = [await createToken('sync'), await createToken('script')].map((token) => ({ authorization: `Bearer ${token}` }));
    for (const headers of bearers) expect((await harness.request('/api/v1/auth/me', { headers })).status).toBe(200);

    expect((await patchUser(viewer.id, { password: 'a-brand-new-password' })).status).toBe(200);
    expect((await harness.request('/api/v1/auth/me', { as: viewer })).status).toBe(401);
    for (const headers of bearers) expect((await harness.request('/api/v1/auth/me', { headers })).status).toBe(401);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(401);
    expect((await signIn(viewer.email, 'a-brand-new-password')).status).toBe(200);
    const event = await latestAudit();
    expect(event).toMatchObject({ action: 'user.updated', after: { passwordReset: true, sessionsEnded: 1, tokensRevoked: 2 } });
    expect(JSON.stringify(event)).not.toMatch(/scrypt|a-brand-new-password/);
  });

  it('lets an admin reset their own password without signing themselves out', async () => {
    expect((await patchUser(admin.id, { password: 'my-new-admin-password', name: 'Ada Admin' })).status).toBe(200);
    expect((await harness.request('/api/v1/auth/me', { as: admin })).status).toBe(200);
    expect((await signIn(admin.email, 'my-new-admin-password')).status).toBe(200);
  });

  it('refuses to let admins deactivate or demote themselves (409), so an admin always remains', async () => {
    for (const body of [{ active: false }, { role: 'executive' }, { role: 'viewer', name: 'Me' }]) {
      const response = await patchUser(admin.id, body);
      expect(response.status, JSON.stringify(body)).toBe(409);
      expect((await problemOf(response)).detail).toMatch(/your own/);
    }
    expect((await patchUser(admin.id, { role: 'admin', active: true })).status).toBe(200);
    expect((await harness.request('/api/v1/auth/me', { as: admin })).status).toBe(200);
    // Another admin may demote this one.
    const other = await harness.user('admin');
    expect((await patchUser(admin.id, { role: 'viewer' }, other)).status).toBe(200);
  });

  it('answers 404 for an unknown user and 422 for bad ids and bodies', async () => {
    const viewer = await harness.user('viewer');
    expect((await patchUser('00000000-0000-4000-8000-000000000000', { name: 'X' })).status).toBe(404);
    const badId = await patchUser('not-a-uuid', { name: 'X' });
    expect(badId.status).toBe(422);
    expect((await problemOf(badId)).errors?.map((error) => error.path)).toEqual(['path.id']);
    for (const [body, paths] of [
      [{}, ['']],
      [{ role: 'owner' }, ['role']],
      [{ active: 'no' }, ['active']],
      [{ password: 'short' }, ['password']],
      [{ name: '' }, ['name']],
      // An unknown field, and so nothing left to change.
      [{ email: 'new@example.com' }, ['', '']],
    ] as const) {
      const response = await patchUser(viewer.id, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual(paths);
    }
    const malformed = await harness.request(`/api/v1/users/${viewer.id}`, {
      method: 'PATCH',
      body: '{"name":',
      headers: { 'content-type': 'application/json' },
      as: admin,
    });
    expect(malformed.status).toBe(400);
  });

  it.each(nonAdmins)('is refused to a %s (403), who cannot even raise their own role', async (role) => {
    const user = await harness.user(role);
    const viewer = await harness.user('viewer');
    expect((await patchUser(viewer.id, { active: false }, user)).status).toBe(403);
    const own = await patchUser(user.id, { role: 'admin' }, user);
    expect(own.status).toBe(403);
    expect((await problemOf(own)).status).toBe(403);
    expect((await harness.request('/api/v1/auth/me', { as: viewer })).status).toBe(200);
  });
});

describe('If-Match on PATCH /api/v1/users/{id}', () => {
  it('refuses a change based on an account another admin changed since', async () => {
    const created = await harness.json(
      '/api/v1/users',
      'POST',
      { email: 'sam@example.com', name: 'Sam', role: 'viewer', password: 'a-long-password' },
      admin,
    );
    const sam = (await created.json()) as UserAccount;
    const etag = `"${sam.version}"`;
    const renamed = await patchUser(sam.id, { name: 'Samuel' }, admin);
    expect(renamed.headers.get('etag')).toBe(`"${sam.version + 1}"`);
    const stale = await harness.json(`/api/v1/users/${sam.id}`, 'PATCH', { role: 'executive' }, admin, { 'if-match': etag });
    expect(stale.status).toBe(412);
    const list = (await (await harness.request('/api/v1/users', { as: admin })).json()) as UserAccountList;
    expect(list.items.find((user) => user.id === sam.id)).toMatchObject({ name: 'Samuel', role: 'viewer' });
  });

  it('gives an account a new version when the areas its user leads change', async () => {
    const created = await harness.json(
      '/api/v1/users',
      'POST',
      { email: 'lee@example.com', name: 'Lee', role: 'area_lead', password: 'a-long-password' },
      admin,
    );
    const lee = (await created.json()) as UserAccount;
    const accountOf = async () =>
      ((await (await harness.request('/api/v1/users', { as: admin })).json()) as UserAccountList).items.find((user) => user.id === lee.id);

    const area = { slug: 'billing', name: 'Billing', leadEmails: ['lee@example.com'] };
    expect((await harness.json('/api/v1/areas', 'POST', area, admin)).status).toBe(201);
    const leading = await accountOf();
    expect(leading).toMatchObject({ areaSlugs: ['billing'], version: lee.version + 1 });

    // An admin demoting Lee to viewer on the account as it was before Billing is refused.
    const stale = await harness.json(`/api/v1/users/${lee.id}`, 'PATCH', { role: 'viewer' }, admin, { 'if-match': `"${lee.version}"` });
    expect(stale.status).toBe(412);

    // Renaming the area leaves the leads, and so the account, alone; removing Lee changes it.
    expect((await harness.json('/api/v1/areas/billing', 'PATCH', { name: 'Billing & invoicing' }, admin)).status).toBe(200);
    expect((await accountOf())?.version).toBe(leading?.version);
    expect((await harness.json('/api/v1/areas/billing', 'PATCH', { leadEmails: [] }, admin)).status).toBe(200);
    expect(await accountOf()).toMatchObject({ areaSlugs: [], version: (leading?.version ?? 0) + 1 });
  });
});
