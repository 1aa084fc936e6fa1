import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, type TestUser } from '../../test/harness.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'no-store-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>x</title>');
writeFileSync(join(webRoot, 'assets', 'app-1234.js'), 'console.log(1)');

let harness: Harness;
let admin: TestUser;
beforeAll(async () => {
  harness = await Harness.start({ webRoot });
  admin = await harness.user('admin', { email: 'admin@example.com' });
});
afterAll(async () => {
  await harness.stop();
  rmSync(webRoot, { recursive: true, force: true });
});

describe('Cache-Control: no-store on the versioned API', () => {
  it.each(['/api/v1/auth/me', '/api/v1/areas', '/api/v1/users', '/api/v1/portfolio', '/api/v1/settings'])('GET %s (signed in)', async (path) => {
    const response = await harness.request(path, { as: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('on a bearer token’s answers, on writes and on refusals too', async () => {
    const created = await harness.json('/api/v1/tokens', 'POST', { name: 'script' }, admin);
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const { token } = (await created.json()) as { token: string };
    const viaToken = await harness.request('/api/v1/areas', { headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.headers.get('cache-control')).toBe('no-store');
    const refused = await harness.json('/api/v1/areas', 'POST', { slug: 'x' }, admin);
    expect(refused.status).toBe(422);
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect((await harness.request('/api/v1/areas')).headers.get('cache-control')).toBe('no-store');
  });

  it('on the sign-in answer, which sets the session cookie', async () => {
    const response = await harness.json('/api/v1/auth/login', 'POST', { email: admin.email, password: admin.password });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('not on health, the web app or its fingerprinted assets, which keep their own caching', async () => {
    expect((await harness.request('/api/health')).headers.get('cache-control')).toBeNull();
    expect((await harness.request('/')).headers.get('cache-control')).toBe('no-cache');
    expect((await harness.request('/assets/app-1234.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
