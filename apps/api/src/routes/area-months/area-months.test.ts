import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listAuditEvents } from '@autonomy/db';
import { fingerprint } from '../../../test/fingerprint.ts';
import { exampleFigures as figures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv } from '../../../test/worked-example.ts';

let harness: Harness;
let lead: TestUser;
let otherLead: TestUser;
let viewer: TestUser;
const path = '/api/v1/areas/payments/months/2024-05';

const etagOf = (response: Response): string => {
  const etag = response.headers.get('etag');
  if (etag === null) throw new Error(`no ETag on a ${response.status} answer`);
  return etag;
};
/** The version an answer's ETag names: `"17"` → 17. */
const versionOf = (response: Response): number => Number(/^"(\d+)"$/.exec(etagOf(response))?.[1]);

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  lead = await harness.user('area_lead', { leads: ['payments'] });
  otherLead = await harness.user('area_lead', { leads: ['search'] });
  viewer = await harness.user('viewer');
});

describe('PUT and GET /api/v1/areas/{slug}/months/{month}', () => {
  it('creates figures (201), reads them back with an ETag, and replaces them (200)', async () => {
    const created = await harness.json(path, 'PUT', figures, lead);
    expect(created.status).toBe(201);
    const version = versionOf(created);
    expect(await created.json()).toMatchObject({ version });

    const read = await harness.request(path, { as: viewer });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe(`"${version}"`);
    expect(await read.json()).toMatchObject({ areaSlug: 'payments', month: '2024-05', version, ...figures });

    const replaced = await harness.json(path, 'PUT', { ...figures, hiresTotal: 6 }, lead, { 'if-match': `"${version}"` });
    expect(replaced.status).toBe(200);
    expect(versionOf(replaced)).toBeGreaterThan(version);
    expect(await replaced.json()).toMatchObject({ version: versionOf(replaced), hiresTotal: 6 });
  });

  it('answers 412 to a stale If-Match and keeps the newer figures', async () => {
    const first = etagOf(await harness.json(path, 'PUT', figures, lead));
    const second = versionOf(await harness.json(path, 'PUT', { ...figures, hiresTotal: 4 }, lead, { 'if-match': first }));
    const stale = await harness.json(path, 'PUT', { ...figures, hiresTotal: 9 }, lead, { 'if-match': first });
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).detail).toMatch(/changed since you read them/);
    expect(await (await harness.request(path, { as: lead })).json()).toMatchObject({ version: second, hiresTotal: 4 });
  });

  it('answers 412 to If-Match on figures that do not exist yet', async () => {
    const response = await harness.json(path, 'PUT', figures, lead, { 'if-match': '"1"' });
    expect(response.status).toBe(412);
  });

  it('lets exactly one of twelve concurrent writes with the same ETag succeed', async () => {
    const read = etagOf(await harness.json(path, 'PUT', figures, lead));
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        harness.json(path, 'PUT', { ...figures, hiresTotal: 10 + index }, lead, { 'if-match': read }),
      ),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(412)]);
    const winner = responses.find((response) => response.status === 200)!;
    expect(await (await harness.request(path, { as: lead })).json()).toMatchObject({ version: versionOf(winner) });
  });

  it('creates only once with If-None-Match: *, even when several people add the same month at once', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) =>
        harness.json(path, 'PUT', { ...figures, hiresTotal: 10 + index }, lead, { 'if-none-match': '*' }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 412, 412, 412, 412, 412]);
    const creator = responses.find((response) => response.status === 201)!;
    expect(await (await harness.request(path, { as: lead })).json()).toMatchObject({ version: versionOf(creator) });
  });

  it('names every bad field with a 422 and writes nothing', async () => {
    const response = await harness.json(
      path,
      'PUT',
      { ...figures, revenueTarget: -1, hiresTotal: 1.5, targetOwner: 'nobody', hiresLeadOwned: 5, extra: true },
      lead,
    );
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual(['', 'hiresTotal', 'revenueTarget', 'targetOwner'].sort());
    expect((await harness.request(path, { as: lead })).status).toBe(404);
  });

  it('refuses owned hires above the total and central decisions above the total', async () => {
    const response = await harness.json(path, 'PUT', { ...figures, hiresLeadOwned: 4, decisionsCentral: 13 }, lead);
    expect(response.status).toBe(422);
    const paths = (await problemOf(response)).errors?.map((error) => error.path);
    expect(paths).toEqual(['hiresLeadOwned', 'decisionsCentral']);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await harness.request(path, {
      method: 'PUT',
      body: '{"revenueTarget": ',
      headers: { 'content-type': 'application/json' },
      as: lead,
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).title).toBeTruthy();
  });

  it('lets a lead write only their own areas, and viewers none, saying so in plain words', async () => {
    for (const who of [otherLead, viewer]) {
      const refused = await harness.json(path, 'PUT', figures, who);
      expect(refused.status).toBe(403);
      // The area by its name (here its name is its slug), never a permission code or a role.
      expect((await problemOf(refused)).detail).toBe('Only payments’ leads and admins can change payments’ figures.');
    }
    expect((await harness.request(path, { as: lead })).status).toBe(404);
  });

  it('answers 404 for an unknown area or a month without figures, 422 for a malformed month', async () => {
    expect((await harness.request('/api/v1/areas/nowhere/months/2024-05', { as: viewer })).status).toBe(404);
    expect((await harness.request(path, { as: viewer })).status).toBe(404);
    const malformed = await harness.request('/api/v1/areas/payments/months/2024-13', { as: viewer });
    expect(malformed.status).toBe(422);
    expect((await problemOf(malformed)).errors?.[0]?.path).toBe('path.month');
  });

  it('keeps the version and writes no audit line when the figures sent are the ones there already', async () => {
    const version = versionOf(await harness.json(path, 'PUT', figures, lead));
    const before = await fingerprint(harness.db);
    const same = await harness.json(path, 'PUT', { ...figures }, lead, { 'if-match': `"${version}"` });
    expect(same.status).toBe(200);
    expect(same.headers.get('etag')).toBe(`"${version}"`);
    expect(await same.json()).toMatchObject({ version, ...figures });
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('records who changed what, before and after, in the audit log', async () => {
    const read = etagOf(await harness.json(path, 'PUT', figures, lead));
    await harness.json(path, 'PUT', { ...figures, hiresTotal: 5 }, lead, { 'if-match': read });
    const events = await listAuditEvents(harness.db, { areaSlug: 'payments', limit: 10 });
    expect(events.map((event) => event.action)).toEqual(['figures.updated', 'figures.created']);
    expect(events[0]).toMatchObject({ actorEmail: lead.email, subject: '2024-05' });
    expect(events[0]?.before).toMatchObject({ hiresTotal: 3 });
    expect(events[0]?.after).toMatchObject({ hiresTotal: 5 });
  });
});

describe('DELETE /api/v1/areas/{slug}/months/{month}', () => {
  it('removes a month with If-Match (204), keeps what was removed in the audit log, and the month is gone', async () => {
    const read = etagOf(await harness.json(path, 'PUT', figures, lead));
    const removed = await harness.request(path, { method: 'DELETE', headers: { 'if-match': read }, as: lead });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    expect((await harness.request(path, { as: viewer })).status).toBe(404);
    const events = await listAuditEvents(harness.db, { areaSlug: 'payments', limit: 1 });
    expect(events[0]).toMatchObject({ action: 'figures.deleted', actorEmail: lead.email, subject: '2024-05', after: null });
    expect(events[0]?.before).toMatchObject({ month: '2024-05', ...figures });
  });

  it('never gives a month added again an ETag from before its removal: a stale If-Match is refused, the new figures kept', async () => {
    const old = etagOf(await harness.json(path, 'PUT', figures, lead));
    expect((await harness.request(path, { method: 'DELETE', headers: { 'if-match': old }, as: lead })).status).toBe(204);
    const again = await harness.json(path, 'PUT', { ...figures, hiresTotal: 7 }, lead, { 'if-none-match': '*' });
    expect(again.status).toBe(201);
    expect(etagOf(again)).not.toBe(old);

    // Someone who read the month before it was removed still holds `old`.
    const before = await fingerprint(harness.db);
    const stale = await harness.json(path, 'PUT', { ...figures, hiresTotal: 9 }, lead, { 'if-match': old });
    expect(stale.status).toBe(412);
    expect((await harness.request(path, { method: 'DELETE', headers: { 'if-match': old }, as: lead })).status).toBe(412);
    expect(await fingerprint(harness.db)).toEqual(before);
    expect(await (await harness.request(path, { as: viewer })).json()).toMatchObject({ hiresTotal: 7, version: versionOf(again) });
  });

  it('refuses a stale If-Match (412), a month without figures (404), and other leads and viewers (403), removing nothing', async () => {
    const read = etagOf(await harness.json(path, 'PUT', figures, lead));
    await harness.json(path, 'PUT', { ...figures, hiresTotal: 4 }, lead, { 'if-match': read });
    const before = await fingerprint(harness.db);
    const stale = await harness.request(path, { method: 'DELETE', headers: { 'if-match': read }, as: lead });
    expect(stale.status).toBe(412);
    expect((await problemOf(stale)).detail).toContain('changed since you read them');
    expect((await harness.request('/api/v1/areas/payments/months/2024-04', { method: 'DELETE', as: lead })).status).toBe(404);
    expect((await harness.request(path, { method: 'DELETE', as: otherLead })).status).toBe(403);
    expect((await harness.request(path, { method: 'DELETE', as: viewer })).status).toBe(403);
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('recomputes the area’s signals without the month: a drift finding of that month is cleared by data', async () => {
    const admin = await harness.user('admin');
    await harness.importCsv(workedExampleCsv, admin);
    const driftOf = async () =>
      ((await (await harness.request('/api/v1/signals?kind=chipotle_drift&area=search&month=2024-11', { as: viewer })).json()) as {
        items: { status: string; statusReason: string | null }[];
      }).items;
    // Its incident ended with December's figures (enough data, no drift).
    expect(await driftOf()).toMatchObject([{ status: 'resolved' }]);
    const removed = await harness.request('/api/v1/areas/search/months/2024-11', { method: 'DELETE', as: admin });
    expect(removed.status).toBe(204);
    expect(await driftOf()).toMatchObject([{ status: 'cleared', statusReason: 'cleared by data' }]);
  });
});
