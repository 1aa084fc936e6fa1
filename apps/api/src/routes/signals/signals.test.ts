import type { Signal, SignalDetail, SignalList } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleFigures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv, workedExampleExpected } from '../../../test/worked-example.ts';

let harness: Harness;
let admin: TestUser;
let executive: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin');
  executive = await harness.user('executive');
  viewer = await harness.user('viewer');
});

/**
 * The worked example without its last month: in December every drift of the example ends (a
 * month with enough data and no finding), so without it the incidents still run and take decisions.
 */
const stillDrifting = workedExampleCsv
  .split('\n')
  .filter((line) => !line.includes(',2024-12,'))
  .join('\n');

async function signals(query: string, as: TestUser = viewer): Promise<Signal[]> {
  const response = await harness.request(`/api/v1/signals?limit=1000&${query}`, { as });
  expect(response.status).toBe(200);
  return ((await response.json()) as SignalList).items;
}

const key = (signal: { areaSlug: string; month: string }) => `${signal.areaSlug} ${signal.month}`;

describe('signals of the worked example', () => {
  beforeEach(() => harness.importCsv(workedExampleCsv, admin));

  it('raises exactly the drift months the example expects, with their severity and deltas', async () => {
    const expected = workedExampleExpected.filter((row) => row.driftState === 'drift');
    const raised = await signals('kind=chipotle_drift');
    expect(raised.map(key).sort()).toEqual(expected.map(key).sort());
    for (const want of expected) {
      const signal = raised.find((candidate) => key(candidate) === key(want));
      expect(signal?.severity, key(want)).toBe(want.severity);
      expect(signal?.ownershipDelta).toBeCloseTo(want.ownershipDelta ?? Number.NaN, 4);
      expect(signal?.centralisationDelta).toBeCloseTo(want.centralisationDelta ?? Number.NaN, 4);
      // Each area's drift ends in December (enough data, no finding): its incident is resolved.
      expect(signal?.status).toBe('resolved');
    }
    // An area's consecutive drift months are one incident.
    for (const area of ['search', 'data-platform']) {
      const incidents = new Set(raised.filter((signal) => signal.areaSlug === area).map((signal) => signal.incidentId));
      expect([...incidents], area).toHaveLength(1);
      expect([...incidents][0], area).toEqual(expect.any(String));
    }
  });

  it('explains each signal with the components that moved most, in points', async () => {
    const [signal] = await signals('kind=chipotle_drift&area=data-platform&month=2024-09');
    expect(signal?.explanation.length).toBeGreaterThan(0);
    for (const line of signal?.explanation ?? []) expect(line).toMatch(/→ .*: [+−]\d+\.\d pts$/);
    expect(signal?.explanation.join('\n')).toMatch(/target/i);
    expect(signal?.contributions.map((contribution) => contribution.text)).toEqual(signal?.explanation);
  });

  it('raises nothing for steady areas, for centralisation with ownership held, or without a complete window', async () => {
    const all = await signals('');
    expect(all.filter((signal) => ['payments', 'mobile', 'growth'].includes(signal.areaSlug))).toEqual([]);
  });

  it('filters by month, area, severity, status and kind, and pages with a cursor', async () => {
    expect((await signals('month=2024-09')).map((signal) => signal.areaSlug).sort()).toEqual(['data-platform', 'search']);
    expect((await signals('severity=warning')).map(key)).toEqual(['search 2024-07']);
    expect(await signals('status=dismissed')).toEqual([]);
    expect(await signals('kind=revenue_miss')).toEqual([]);
    const first = (await (await harness.request('/api/v1/signals?limit=3', { as: viewer })).json()) as SignalList;
    const second = (await (await harness.request(`/api/v1/signals?limit=3&cursor=${first.nextCursor}`, { as: viewer })).json()) as SignalList;
    const everything = await signals('');
    expect([...first.items, ...second.items].map((signal) => signal.id)).toEqual(everything.slice(0, 6).map((signal) => signal.id));
    expect(everything.map((signal) => signal.month)).toEqual([...everything.map((signal) => signal.month)].sort().reverse());
  });

  it('validates filters', async () => {
    const response = await harness.request('/api/v1/signals?severity=huge&month=2024-9', { as: viewer });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((error) => error.path).sort()).toEqual(['query.month', 'query.severity']);
  });
});

describe('signal lifecycle', () => {
  beforeEach(() => harness.importCsv(stillDrifting, admin));

  async function searchSignal(month: string): Promise<Signal> {
    const [signal] = await signals(`kind=chipotle_drift&area=search&month=${month}`);
    if (!signal) throw new Error(`no search signal in ${month}`);
    return signal;
  }

  const patch = (id: string, body: unknown, as: TestUser) => harness.json(`/api/v1/signals/${id}`, 'PATCH', body, as);

  it('lets executives acknowledge, resolve, dismiss with a reason, and reopen, with history', async () => {
    const signal = await searchSignal('2024-10');
    expect((await patch(signal.id, { status: 'acknowledged' }, executive)).status).toBe(200);
    const dismissed = await patch(signal.id, { status: 'dismissed', reason: 'Planned move to the central search platform' }, executive);
    expect(await dismissed.json()).toMatchObject({ status: 'dismissed', statusReason: 'Planned move to the central search platform' });
    const detail = (await (await harness.request(`/api/v1/signals/${signal.id}`, { as: viewer })).json()) as SignalDetail;
    expect(detail.history.map((event) => [event.action, event.toStatus, event.actor?.email ?? null])).toEqual([
      ['raised', 'open', null],
      ['acknowledged', 'acknowledged', executive.email],
      ['dismissed', 'dismissed', executive.email],
    ]);
  });

  it('needs a reason to dismiss, and the right role', async () => {
    const signal = await searchSignal('2024-10');
    const noReason = await patch(signal.id, { status: 'dismissed' }, executive);
    expect(noReason.status).toBe(422);
    expect((await problemOf(noReason)).errors?.[0]?.path).toBe('reason');
    expect((await patch(signal.id, { status: 'cleared' }, executive)).status).toBe(422);
    expect((await patch(signal.id, { status: 'acknowledged' }, viewer)).status).toBe(403);
    const lead = await harness.user('area_lead', { leads: ['search'] });
    expect((await patch(signal.id, { status: 'acknowledged' }, lead)).status).toBe(403);
    expect((await patch('00000000-0000-4000-8000-000000000000', { status: 'acknowledged' }, executive)).status).toBe(404);
  });

  it('keeps a decision while the finding holds, clears it when the data no longer shows it, and reopens it when it returns', async () => {
    const signal = await searchSignal('2024-09');
    await patch(signal.id, { status: 'acknowledged' }, executive);
    const monthPath = '/api/v1/areas/search/months/2024-09';
    const original = (await (await harness.request(monthPath, { as: admin })).json()) as Record<string, unknown>;
    const { areaSlug: _slug, month: _month, version: _version, updatedAt: _updatedAt, ...figures } = original;

    // Slightly different figures, still drift: the decision stands.
    expect((await harness.json(monthPath, 'PUT', { ...figures, approvalLatencyDays: 14 }, admin)).status).toBe(200);
    expect(await searchSignal('2024-09')).toMatchObject({ id: signal.id, status: 'acknowledged' });

    // Figures of a steady month: no finding, so the data clears it.
    expect((await harness.json(monthPath, 'PUT', exampleFigures, admin)).status).toBe(200);
    expect(await searchSignal('2024-09')).toMatchObject({ id: signal.id, status: 'cleared', statusReason: 'cleared by data' });
    const cleared = await patch(signal.id, { status: 'acknowledged' }, executive);
    expect(cleared.status).toBe(409);

    // The drift comes back: the same signal reopens, with the incident it was first part of.
    expect((await harness.json(monthPath, 'PUT', figures, admin)).status).toBe(200);
    expect(await searchSignal('2024-09')).toMatchObject({ id: signal.id, status: 'open', incidentId: signal.incidentId });
    const detail = (await (await harness.request(`/api/v1/signals/${signal.id}`, { as: viewer })).json()) as SignalDetail;
    // Its history is its incident's: September's steady figures resolved it, the drift's return reopened it.
    expect(detail.history.map((event) => [event.action, event.toStatus])).toEqual([
      ['raised', 'open'],
      ['acknowledged', 'acknowledged'],
      ['resolved', 'resolved'],
      ['reopened', 'open'],
    ]);
  });

  it('recomputes only the area whose figures changed', async () => {
    const before = await signals('');
    const monthPath = '/api/v1/areas/payments/months/2024-11';
    // Owned hires 3 → 1 in payments: an ownership erosion there, and nothing else touched.
    expect((await harness.json(monthPath, 'PUT', { ...exampleFigures, hiresLeadOwned: 1 }, admin)).status).toBe(200);
    const after = await signals('');
    const others = (list: Signal[]) => list.filter((signal) => signal.areaSlug !== 'payments').map((signal) => [signal.id, signal.updatedAt]);
    expect(others(after)).toEqual(others(before));
    expect(after.filter((signal) => signal.areaSlug === 'payments').map((signal) => [signal.kind, signal.month])).toEqual([
      ['ownership_erosion', '2024-11'],
    ]);
  });
});

describe('If-Match on PATCH /api/v1/signals/{id}', () => {
  beforeEach(() => harness.importCsv(stillDrifting, admin));

  it("refuses a decision taken on a signal someone else decided on since, so neither decision is lost", async () => {
    const [signal] = await signals('kind=chipotle_drift&status=open');
    if (!signal) throw new Error('the worked example raised no open signal');
    const read = await harness.request(`/api/v1/signals/${signal.id}`, { as: executive });
    const etag = read.headers.get('etag') ?? '';
    expect(etag).toBe(`"${signal.version}"`);

    const acknowledged = await harness.json(`/api/v1/signals/${signal.id}`, 'PATCH', { status: 'acknowledged' }, executive, { 'if-match': etag });
    expect(acknowledged.status).toBe(200);
    const dismissed = await harness.json(
      `/api/v1/signals/${signal.id}`,
      'PATCH',
      { status: 'dismissed', reason: 'Seasonal' },
      admin,
      { 'if-match': etag },
    );
    expect(dismissed.status).toBe(412);
    const detail = (await (await harness.request(`/api/v1/signals/${signal.id}`, { as: viewer })).json()) as SignalDetail;
    expect(detail).toMatchObject({ status: 'acknowledged', version: signal.version + 1 });
    expect(detail.history.map((event) => event.action)).toEqual(['raised', 'acknowledged']);
  });

  it('refuses a decision taken on a severity the data has since changed, and keeps the ETag when it has not', async () => {
    const [signal] = await signals('kind=chipotle_drift&area=search&month=2024-07');
    expect(signal).toMatchObject({ severity: 'warning', status: 'open' });
    if (!signal) return;
    const etag = `"${signal.version}"`;
    const monthPath = '/api/v1/areas/search/months/2024-07';
    const original = (await (await harness.request(monthPath, { as: admin })).json()) as Record<string, unknown>;
    const { areaSlug: _slug, month: _month, version: _version, updatedAt: _updatedAt, ...figures } = original;

    // Other figures, same severity: what the executive saw still stands.
    expect((await harness.json(monthPath, 'PUT', { ...figures, approvalLatencyDays: 1 }, admin)).status).toBe(200);
    expect((await harness.request(`/api/v1/signals/${signal.id}`, { as: executive })).headers.get('etag')).toBe(etag);

    // No owned hires and every decision central: the finding is now critical.
    expect((await harness.json(monthPath, 'PUT', { ...figures, hiresLeadOwned: 0, decisionsCentral: 12 }, admin)).status).toBe(200);
    const dismissed = await harness.json(
      `/api/v1/signals/${signal.id}`,
      'PATCH',
      { status: 'dismissed', reason: 'Only a warning' },
      executive,
      { 'if-match': etag },
    );
    expect(dismissed.status).toBe(412);
    const [now] = await signals('kind=chipotle_drift&area=search&month=2024-07');
    expect(now).toMatchObject({ id: signal.id, severity: 'critical', status: 'open', version: signal.version + 1 });
  });
});
