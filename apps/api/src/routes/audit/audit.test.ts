import type { AuditList, Role } from '@autonomy/contracts';
import { sql } from 'drizzle-orm';
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

async function auditPage(query: string, as: TestUser = admin): Promise<AuditList> {
  const response = await harness.request(`/api/v1/audit${query}`, { as });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AuditList;
}

/** Three audited writes through the API: two on areas, one that concerns no area. */
async function makeHistory(): Promise<void> {
  expect((await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin)).status).toBe(201);
  expect((await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'Cards and wallets' }, admin)).status).toBe(200);
  expect((await harness.json('/api/v1/tokens', 'POST', { name: 'CRM' }, admin)).status).toBe(201);
}

describe('GET /api/v1/audit', () => {
  it('lists events newest first with the actor, action, area, before and after', async () => {
    await makeHistory();
    const { items, nextCursor } = await auditPage('');
    expect(nextCursor).toBeNull();
    expect(items.map((event) => event.action)).toEqual(['token.created', 'area.updated', 'area.created']);
    const updated = items[1];
    expect(updated).toMatchObject({
      actor: { id: admin.id, email: 'admin@example.com', name: 'Test admin' },
      areaSlug: 'payments',
      before: { description: '' },
      after: { description: 'Cards and wallets' },
    });
    expect(Date.parse(updated?.at ?? '')).not.toBeNaN();
    expect(items[0]).toMatchObject({ areaSlug: null, before: null, after: { name: 'CRM' } });
  });

  it.each<Role>(['admin', 'executive', 'area_lead', 'viewer'])('is readable by a signed-in %s', async (role) => {
    await makeHistory();
    const reader = role === 'admin' ? admin : await harness.user(role);
    expect((await auditPage('', reader)).items).toHaveLength(3);
  });

  it('needs credentials', async () => {
    const response = await harness.request('/api/v1/audit');
    expect(response.status).toBe(401);
    expect((await problemOf(response)).status).toBe(401);
  });

  it('filters by area and by actor email, case-insensitively', async () => {
    await makeHistory();
    const lead = await harness.user('area_lead', { email: 'lead@example.com', leads: ['growth'] });
    expect((await harness.json('/api/v1/areas/growth', 'PATCH', { description: 'New markets' }, lead)).status).toBe(200);

    expect((await auditPage('?area=payments')).items.map((event) => event.action)).toEqual(['area.updated', 'area.created']);
    expect((await auditPage('?area=growth')).items.map((event) => event.actor.email)).toEqual(['lead@example.com']);
    expect((await auditPage('?actor=LEAD@Example.com')).items.map((event) => event.areaSlug)).toEqual(['growth']);
    expect((await auditPage('?area=payments&actor=lead@example.com')).items).toEqual([]);
    expect((await auditPage('?area=nowhere')).items).toEqual([]);
  });

  it('filters by `since`, a date (midnight UTC) or a date-time, inclusive', async () => {
    await makeHistory();
    await harness.db.execute(sql`update audit_events set at = case id
      when 1 then '2024-04-30T23:59:59Z'::timestamptz
      when 2 then '2024-05-01T00:00:00Z'::timestamptz
      else '2024-05-02T12:00:00Z'::timestamptz end`);
    const actionsSince = async (since: string) =>
      (await auditPage(`?since=${encodeURIComponent(since)}`)).items.map((event) => event.action);

    expect(await actionsSince('2024-05-01')).toEqual(['token.created', 'area.updated']);
    expect(await actionsSince('2024-05-01T00:00:01Z')).toEqual(['token.created']);
    expect(await actionsSince('2024-05-02T14:00:00+02:00')).toEqual(['token.created']);
    expect(await actionsSince('2024-05-02T12:00')).toEqual(['token.created']);
    expect(await actionsSince('2024-04-01')).toHaveLength(3);
    expect(await actionsSince('2024-05-03')).toEqual([]);
  });

  it('pages with limit and an opaque cursor, without gaps or repeats', async () => {
    await makeHistory();
    const first = await auditPage('?limit=2');
    expect(first.items.map((event) => event.action)).toEqual(['token.created', 'area.updated']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await auditPage(`?limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ items: [{ action: 'area.created' }], nextCursor: null });
  });

  it.each([
    ['since=yesterday', 'query.since'],
    ['since=2024-02-30', 'query.since'],
    ['since=2024-05-01%2010:00', 'query.since'],
    ['area=Not_A_Slug', 'query.area'],
    ['actor=not-an-email', 'query.actor'],
    ['limit=0', 'query.limit'],
    ['limit=1001', 'query.limit'],
    ['cursor=bm90LWEtbnVtYmVy', 'query.cursor'],
    ['cursor=%25%25', 'query.cursor'],
  ])('refuses ?%s with a 422 naming %s', async (query, path) => {
    const response = await harness.request(`/api/v1/audit?${query}`, { as: admin });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual([path]);
  });

  it('gives no way to edit or delete events: other methods are problem+json 404s and change nothing', async () => {
    await makeHistory();
    const before = await auditPage('');
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      for (const path of ['/api/v1/audit', '/api/v1/audit/1']) {
        const response = await harness.json(path, method, { action: 'forged' }, admin);
        expect([404, 405], `${method} ${path}`).toContain(response.status);
        expect((await problemOf(response)).status).toBe(response.status);
      }
    }
    expect(await auditPage('')).toEqual(before);
  });

  it('is documented in OpenAPI, with the user and token routes of this slice', async () => {
    const doc = (await (await harness.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(statuses('/api/v1/audit', 'get')).toEqual(expect.arrayContaining(['200', '401', '422']));
    expect(statuses('/api/v1/users', 'get')).toEqual(expect.arrayContaining(['200', '401', '403', '422']));
    expect(statuses('/api/v1/users/{id}', 'patch')).toEqual(expect.arrayContaining(['200', '403', '404', '409', '422']));
    expect(statuses('/api/v1/tokens', 'get')).toEqual(expect.arrayContaining(['200', '401', '422']));
    expect(statuses('/api/v1/tokens/{id}', 'delete')).toEqual(expect.arrayContaining(['204', '403', '404', '422']));
    expect(doc.paths['/api/v1/audit']?.put).toBeUndefined();
  });
});
