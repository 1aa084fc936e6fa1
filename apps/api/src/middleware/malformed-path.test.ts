import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../test/harness.ts';

const webRoot = mkdtempSync(join(tmpdir(), 'malformed-path-web-'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Autonomy</title>');

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

const MALFORMED_API_PATHS = ['/api/v1/areas/%', '/api/v1/areas/%zz/months', '/api/v1/reviews/%E9', '/api/%', '/api/v1/users/%C3%28'];

describe('paths with a malformed %-escape (regression: a 500)', () => {
  it.each(MALFORMED_API_PATHS)('%s is a 404 problem+json, signed in or not, read or write', async (path) => {
    const signedIn = { cookie: admin.cookie };
    const requests: RequestInit[] = [
      { headers: signedIn },
      {},
      { method: 'PATCH', body: '{}', headers: { ...signedIn, 'content-type': 'application/json' } },
    ];
    for (const init of requests) {
      const response = await harness.app.request(path, init);
      expect(response.status, path).toBe(404);
      expect((await problemOf(response)).detail).toMatch(/malformed %-escape/);
    }
  });

  it('a page address with one gets the web app, which shows its not-found page', async () => {
    for (const path of ['/areas/%', '/%', '/reviews/%E9']) {
      const response = await harness.app.request(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await response.text()).toContain('<title>Autonomy</title>');
    }
  });

  it('well-formed escapes still reach their route', async () => {
    const response = await harness.request('/api/v1/areas/no%2Dsuch%2Darea', { as: admin });
    expect(response.status).toBe(404);
    expect((await problemOf(response)).detail).not.toMatch(/malformed/);
  });
});
