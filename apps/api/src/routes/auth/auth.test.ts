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

describe('sign-in and sessions', () => {
  it('signs in with an HttpOnly, SameSite session cookie and returns the user', async () => {
    const response = await harness.json('/api/v1/auth/login', 'POST', { email: 'ADMIN@example.com ', password: admin.password });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^autonomy_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(await response.json()).toEqual({
      user: { id: admin.id, email: 'admin@example.com', name: 'Test admin', role: 'admin', areaSlugs: [] },
    });
  });

  it('marks the cookie Secure when served over HTTPS', async () => {
    const response = await harness.json('/api/v1/auth/login', 'POST', { email: admin.email, password: admin.password }, undefined, {
      'x-forwarded-proto': 'https',
    });
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a wrong password or an unknown email with the same 401', async () => {
    const wrong = await harness.json('/api/v1/auth/login', 'POST', { email: admin.email, password: 'not-the-password' });
    const unknown = await harness.json('/api/v1/auth/login', 'POST', { email: 'nobody@example.com', password: 'whatever-123' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await problemOf(wrong)).detail).toBe((await problemOf(unknown)).detail);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('validates the sign-in body', async () => {
    const response = await harness.json('/api/v1/auth/login', 'POST', { email: 'not-an-email' });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((error) => error.path).sort()).toEqual(['email', 'password']);
  });

  it('requires a session or token on every /api/v1 route', async () => {
    for (const path of ['/api/v1/auth/me', '/api/v1/areas', '/api/v1/portfolio', '/api/v1/exports/metrics']) {
      const response = await harness.request(path);
      expect(response.status, path).toBe(401);
      expect((await problemOf(response)).status).toBe(401);
    }
    expect((await harness.request('/api/v1/areas', { headers: { cookie: 'autonomy_session=forged' } })).status).toBe(401);
  });

  it('ends the session on sign-out', async () => {
    expect((await harness.request('/api/v1/auth/me', { as: admin })).status).toBe(200);
    const out = await harness.request('/api/v1/auth/logout', { method: 'POST', as: admin });
    expect(out.status).toBe(204);
    expect((await harness.request('/api/v1/auth/me', { as: admin })).status).toBe(401);
  });

  it('refuses a cookie-authenticated write from another site', async () => {
    const response = await harness.json('/api/v1/areas', 'POST', { slug: 'x1', name: 'X' }, admin, {
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect((await harness.request('/api/v1/areas/x1', { as: admin })).status).toBe(404);
  });
});

describe('POST /api/v1/auth/password: changing one’s own password', () => {
  const signIn = (email: string, password: string) => harness.json('/api/v1/auth/login', 'POST', { email, password });

  it('needs the current password; the new one signs in, the old no longer; other sessions end, this one stays', async () => {
    const viewer = await harness.user('viewer');
    const elsewhere = (await signIn(viewer.email, viewer.password)).headers.get('set-cookie')?.split(';')[0] ?? '';
    const changed = await harness.json('/api/v1/auth/password', 'POST', { currentPassword: viewer.password, newPassword: 'a brand new passphrase' }, viewer);
    expect(changed.status).toBe(204);

    expect((await harness.request('/api/v1/auth/me', { as: viewer })).status).toBe(200);
    expect((await harness.request('/api/v1/auth/me', { headers: { cookie: elsewhere } })).status).toBe(401);
    expect((await signIn(viewer.email, viewer.password)).status).toBe(401);
    expect((await signIn(viewer.email, 'a brand new passphrase')).status).toBe(200);

    const audit = (await (await harness.request('/api/v1/audit?limit=5', { as: admin })).json()) as { items: { action: string; subject: string | null; after: unknown }[] };
    const event = audit.items.find((item) => item.action === 'user.password_changed');
    expect(event).toMatchObject({ subject: viewer.email, after: { sessionsEnded: 1 } });
    expect(JSON.stringify(audit)).not.toMatch(/scrypt|passphrase/);
  });

  it('refuses a wrong current password in plain words (403, not a sign-out), changes nothing, and counts it as a failed sign-in', async () => {
    const lead = await harness.user('area_lead');
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await harness.json('/api/v1/auth/password', 'POST', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' }, lead);
      expect(wrong.status).toBe(403);
      const problem = await problemOf(wrong);
      expect(problem.detail).toBe('The current password is not right; your password was not changed.');
      expect(problem.errors).toEqual([{ path: 'currentPassword', message: 'is not your current password' }]);
    }
    // The sixth try waits, whatever the password: guessing through this route is no way around the limit.
    const throttled = await harness.json('/api/v1/auth/password', 'POST', { currentPassword: lead.password, newPassword: 'a brand new passphrase' }, lead);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await harness.request('/api/v1/auth/me', { as: lead })).status).toBe(200);
  });

  it('refuses a new password that is too short or the same as the current one (422)', async () => {
    const short = await harness.json('/api/v1/auth/password', 'POST', { currentPassword: admin.password, newPassword: 'short' }, admin);
    expect(short.status).toBe(422);
    expect((await problemOf(short)).errors).toEqual([{ path: 'newPassword', message: 'must be at least 10 characters' }]);
    const same = await harness.json('/api/v1/auth/password', 'POST', { currentPassword: admin.password, newPassword: admin.password }, admin);
    expect(same.status).toBe(422);
    expect((await problemOf(same)).errors).toEqual([{ path: 'newPassword', message: 'must differ from the current password' }]);
    expect((await signIn(admin.email, admin.password)).status).toBe(200);
  });
});

describe('personal API tokens', () => {
  it('creates a token shown once that works as a Bearer credential', async () => {
    const created = await harness.json('/api/v1/tokens', 'POST', { name: 'CRM sync' }, admin);
    expect(created.status).toBe(201);
    const { token, name } = (await created.json()) as { token: string; name: string };
    expect(name).toBe('CRM sync');
    expect(token).toMatch(/^adt_/);
    const me = await harness.request('/api/v1/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: admin.email } });
  });

  it('refuses an unknown token and a malformed Authorization header', async () => {
    expect((await harness.request('/api/v1/areas', { headers: { authorization: 'Bearer adt_nope' } })).status).toBe(401);
    expect((await harness.request('/api/v1/areas', { headers: { authorization: 'Basic abc' } })).status).toBe(401);
  });
});

describe('POST /api/v1/users', () => {
  it('lets an admin create a user who can then sign in', async () => {
    const response = await harness.json(
      '/api/v1/users',
      'POST',
      { email: 'Exec@Example.com', name: 'Erin', role: 'executive', password: 'a-long-password' },
      admin,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ email: 'exec@example.com', role: 'executive' });
    const login = await harness.json('/api/v1/auth/login', 'POST', { email: 'exec@example.com', password: 'a-long-password' });
    expect(login.status).toBe(200);
  });

  it('refuses duplicates (409), bad roles and short passwords (422), and non-admins (403)', async () => {
    const body = { email: 'x@example.com', name: 'X', role: 'viewer', password: 'a-long-password' };
    expect((await harness.json('/api/v1/users', 'POST', body, admin)).status).toBe(201);
    expect((await harness.json('/api/v1/users', 'POST', body, admin)).status).toBe(409);
    const invalid = await harness.json('/api/v1/users', 'POST', { ...body, email: 'y@example.com', role: 'owner', password: 'short' }, admin);
    expect(invalid.status).toBe(422);
    expect((await problemOf(invalid)).errors?.map((error) => error.path).sort()).toEqual(['password', 'role']);
    const executive = await harness.user('executive');
    expect((await harness.json('/api/v1/users', 'POST', { ...body, email: 'z@example.com' }, executive)).status).toBe(403);
  });
});
