import type { Area, AreaList } from '@autonomy/contracts';
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
  admin = await harness.user('admin');
});

describe('POST /api/v1/areas', () => {
  it('creates an area with a lead, and refuses the same slug again', async () => {
    const lead = await harness.user('area_lead', { email: 'lead@example.com' });
    const response = await harness.json(
      '/api/v1/areas',
      'POST',
      { slug: 'payments', name: 'Payments', description: 'Money in', leadEmail: 'LEAD@example.com' },
      admin,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ slug: 'payments', name: 'Payments', leadEmail: lead.email, status: 'active' });
    const again = await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Other' }, admin);
    expect(again.status).toBe(409);
  });

  it('validates slug, name and lead', async () => {
    const bad = await harness.json('/api/v1/areas', 'POST', { slug: 'Bad Slug!', name: '' }, admin);
    expect(bad.status).toBe(422);
    expect((await problemOf(bad)).errors?.map((error) => error.path).sort()).toEqual(['name', 'slug']);
    const viewer = await harness.user('viewer', { email: 'viewer@example.com' });
    const notALead = await harness.json('/api/v1/areas', 'POST', { slug: 'search', name: 'Search', leadEmail: viewer.email }, admin);
    expect(notALead.status).toBe(422);
    expect((await problemOf(notALead)).errors?.[0]?.path).toBe('leadEmail');
    expect((await harness.request('/api/v1/areas/search', { as: admin })).status).toBe(404);
  });

  it('is for admins only', async () => {
    const executive = await harness.user('executive');
    expect((await harness.json('/api/v1/areas', 'POST', { slug: 'search', name: 'Search' }, executive)).status).toBe(403);
  });
});

describe('GET /api/v1/areas', () => {
  it('pages through areas in slug order with a cursor', async () => {
    for (const slug of ['delta', 'alpha', 'charlie', 'bravo', 'echo']) {
      await harness.json('/api/v1/areas', 'POST', { slug, name: slug }, admin);
    }
    const first = (await (await harness.request('/api/v1/areas?limit=2', { as: admin })).json()) as AreaList;
    expect(first.items.map((area) => area.slug)).toEqual(['alpha', 'bravo']);
    const second = (await (
      await harness.request(`/api/v1/areas?limit=2&cursor=${first.nextCursor}`, { as: admin })
    ).json()) as AreaList;
    expect(second.items.map((area) => area.slug)).toEqual(['charlie', 'delta']);
    const third = (await (
      await harness.request(`/api/v1/areas?limit=2&cursor=${second.nextCursor}`, { as: admin })
    ).json()) as AreaList;
    expect(third).toMatchObject({ items: [{ slug: 'echo' }], nextCursor: null });
  });

  it('validates limit and cursor', async () => {
    expect((await harness.request('/api/v1/areas?limit=1001', { as: admin })).status).toBe(422);
    expect((await harness.request('/api/v1/areas?limit=0', { as: admin })).status).toBe(422);
    expect((await harness.request('/api/v1/areas?cursor=%25%25', { as: admin })).status).toBe(422);
  });
});

describe('PATCH /api/v1/areas/{slug}', () => {
  it("lets the area's lead edit name and description but not its lead or status", async () => {
    const lead = await harness.user('area_lead', { leads: ['payments'] });
    const edited = await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'Money in, money out' }, lead);
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as Area).description).toBe('Money in, money out');
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', { status: 'archived' }, lead)).status).toBe(403);
    const other = await harness.user('area_lead', { leads: ['search'] });
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', { name: 'Mine now' }, other)).status).toBe(403);
  });

  it('lets an admin change the lead and archive, audited with before and after', async () => {
    await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin);
    const lead = await harness.user('area_lead', { email: 'new-lead@example.com' });
    const response = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmail: lead.email, status: 'archived' }, admin);
    expect(await response.json()).toMatchObject({ leadEmail: lead.email, status: 'archived' });
    const { listAuditEvents } = await import('@autonomy/db');
    const [event] = await listAuditEvents(harness.db, { areaSlug: 'payments', limit: 1 });
    expect(event).toMatchObject({ action: 'area.updated', before: { leadEmail: null, status: 'active' } });
  });

  it('refuses an empty patch and unknown fields', async () => {
    await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin);
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', {}, admin)).status).toBe(422);
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', { slug: 'renamed' }, admin)).status).toBe(422);
    expect((await harness.json('/api/v1/areas/nowhere', 'PATCH', { name: 'X' }, admin)).status).toBe(404);
  });
});

describe('several leads per area', () => {
  it('lets an admin name several leads, each of whom may then write the area', async () => {
    const ana = await harness.user('area_lead', { email: 'ana@example.com' });
    const ben = await harness.user('area_lead', { email: 'ben@example.com' });
    const created = await harness.json(
      '/api/v1/areas',
      'POST',
      { slug: 'payments', name: 'Payments', leadEmails: ['ben@example.com', 'ANA@example.com'] },
      admin,
    );
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ leadEmails: ['ana@example.com', 'ben@example.com'], leadEmail: 'ana@example.com' });
    for (const lead of [ana, ben]) {
      const me = (await (await harness.request('/api/v1/auth/me', { as: lead })).json()) as { user: { areaSlugs: string[] } };
      expect(me.user.areaSlugs).toEqual(['payments']);
      expect((await harness.json('/api/v1/areas/payments', 'PATCH', { description: `by ${lead.email}` }, lead)).status).toBe(200);
    }

    const replaced = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmails: [ben.email] }, admin);
    expect(await replaced.json()).toMatchObject({ leadEmails: [ben.email] });
    // Ana no longer leads it: her next write is refused.
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'Mine?' }, ana)).status).toBe(403);
    const cleared = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmail: null }, admin);
    expect(await cleared.json()).toMatchObject({ leadEmails: [], leadEmail: null });
  });

  it('names every refused lead with its place in the list, and refuses both ways at once or the same lead twice', async () => {
    await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin);
    await harness.user('area_lead', { email: 'ana@example.com' });
    await harness.user('viewer', { email: 'vic@example.com' });
    const gone = await harness.user('area_lead', { email: 'gone@example.com' });
    expect((await harness.json(`/api/v1/users/${gone.id}`, 'PATCH', { active: false }, admin)).status).toBe(200);
    const refused = await harness.json(
      '/api/v1/areas/payments',
      'PATCH',
      { leadEmails: ['ana@example.com', 'nobody@example.com', 'vic@example.com', 'gone@example.com'] },
      admin,
    );
    expect(refused.status).toBe(422);
    expect((await problemOf(refused)).errors?.map((error) => error.path)).toEqual(['leadEmails.1', 'leadEmails.2', 'leadEmails.3']);
    const both = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmail: 'ana@example.com', leadEmails: [] }, admin);
    expect((await problemOf(both)).errors?.map((error) => error.path)).toEqual(['leadEmails']);
    const twice = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmails: ['ana@example.com', 'Ana@example.com'] }, admin);
    expect(twice.status).toBe(422);
    const area = (await (await harness.request('/api/v1/areas/payments', { as: admin })).json()) as Area;
    expect(area.leadEmails).toEqual([]);
  });

  it("keeps leads' names out of reach of the leads themselves", async () => {
    const lead = await harness.user('area_lead', { email: 'ana@example.com', leads: ['payments'] });
    await harness.user('area_lead', { email: 'ben@example.com' });
    const response = await harness.json('/api/v1/areas/payments', 'PATCH', { leadEmails: ['ana@example.com', 'ben@example.com'] }, lead);
    expect(response.status).toBe(403);
  });
});

describe('If-Match on PATCH /api/v1/areas/{slug}', () => {
  it('gives an ETag that changes with every change, and refuses a stale one with 412', async () => {
    await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin);
    const read = await harness.request('/api/v1/areas/payments', { as: admin });
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"\d+"$/);

    const first = await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'First' }, admin, { 'if-match': etag });
    expect(first.status).toBe(200);
    const newEtag = first.headers.get('etag');
    expect(newEtag).not.toBe(etag);

    const second = await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'Second' }, admin, { 'if-match': etag });
    expect(second.status).toBe(412);
    expect((await problemOf(second)).detail).toMatch(/changed since you read it/);
    const area = (await (await harness.request('/api/v1/areas/payments', { as: admin })).json()) as Area;
    expect(area.description).toBe('First');
    // Without If-Match the API still accepts the write; the dashboard always sends one.
    expect((await harness.json('/api/v1/areas/payments', 'PATCH', { description: 'Third' }, admin)).status).toBe(200);
  });

  it('lets exactly one of twelve concurrent changes with the same ETag through', async () => {
    await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin);
    const etag = (await harness.request('/api/v1/areas/payments', { as: admin })).headers.get('etag') ?? '';
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        harness.json('/api/v1/areas/payments', 'PATCH', { description: `Writer ${index}` }, admin, { 'if-match': etag }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(412)]);
  });
});
