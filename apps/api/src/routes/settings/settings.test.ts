import type { Portfolio, SettingsResponse, Signal, SignalList } from '@autonomy/contracts';
import { listAuditEvents } from '@autonomy/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv } from '../../../test/worked-example.ts';

let harness: Harness;
let admin: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin');
  viewer = await harness.user('viewer');
  await harness.importCsv(workedExampleCsv, admin);
});

async function currentSettings(): Promise<SettingsResponse> {
  return (await (await harness.request('/api/v1/settings', { as: viewer })).json()) as SettingsResponse;
}
/** Drift signals the data still shows (whatever was decided, or resolved since): all but those it cleared. */
async function openDriftSignals(): Promise<Signal[]> {
  const list = (await (await harness.request('/api/v1/signals?limit=1000&kind=chipotle_drift', { as: viewer })).json()) as SignalList;
  return list.items.filter((signal) => signal.status !== 'cleared');
}

describe('GET /api/v1/settings', () => {
  it("starts from the brief's defaults", async () => {
    const body = await currentSettings();
    expect(body.updatedAt).toBeNull();
    expect(body.settings).toEqual(body.defaults);
    expect(body.settings).toMatchObject({
      windowMonths: 3,
      ownershipFallThreshold: 5,
      centralisationRiseThreshold: 5,
      severityBands: { watch: 5, warning: 10, critical: 20 },
      escalationAfterMonths: 3,
      saturation: { dependencies: 4, processes: 8, latencyDays: 10 },
    });
  });
});

describe('PUT /api/v1/settings', () => {
  it('recomputes every signal under the new thresholds, audited, and back again', async () => {
    const { defaults } = await currentSettings();
    expect(await openDriftSignals()).toHaveLength(8);
    const stricter = { ...defaults, ownershipFallThreshold: 25, centralisationRiseThreshold: 25 };
    const response = await harness.json('/api/v1/settings', 'PUT', stricter, admin);
    expect(response.status).toBe(200);
    expect(((await response.json()) as SettingsResponse).settings).toEqual(stricter);
    const remaining = await openDriftSignals();
    expect(remaining.map((signal) => `${signal.areaSlug} ${signal.month}`).sort()).toEqual(['search 2024-08', 'search 2024-09']);
    const portfolio = (await (await harness.request('/api/v1/portfolio?month=2024-10', { as: viewer })).json()) as Portfolio;
    expect(portfolio.rules).toEqual({ windowMonths: 3, ownershipFallThreshold: 25, centralisationRiseThreshold: 25 });
    expect(portfolio.areas.find((row) => row.slug === 'search')?.driftState).toBe('clear');
    const [event] = await listAuditEvents(harness.db, { limit: 1 });
    expect(event).toMatchObject({ action: 'settings.updated', actorEmail: admin.email });

    expect((await harness.json('/api/v1/settings', 'PUT', defaults, admin)).status).toBe(200);
    expect(await openDriftSignals()).toHaveLength(8);
  });

  it('names each unusable field with a 422 and changes nothing', async () => {
    const { defaults } = await currentSettings();
    const response = await harness.json(
      '/api/v1/settings',
      'PUT',
      {
        ...defaults,
        windowMonths: 0,
        severityBands: { watch: 10, warning: 5, critical: 20 },
        weights: { ...defaults.weights, ownership: { marketing: 0, sales: 0, hiring: 1, target: 0 } },
      },
      admin,
    );
    expect(response.status).toBe(422);
    const paths = (await problemOf(response)).errors?.map((error) => error.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['windowMonths', 'severityBands']));
    expect(paths.some((path) => path.startsWith('weights.ownership'))).toBe(true);
    expect((await currentSettings()).updatedAt).toBeNull();
  });

  it('refuses values that are not numbers, missing fields and unknown fields', async () => {
    const { defaults } = await currentSettings();
    const response = await harness.json('/api/v1/settings', 'PUT', { ...defaults, windowMonths: 'three', extra: 1, saturation: undefined }, admin);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors?.map((error) => error.path).sort()).toEqual(['', 'saturation', 'windowMonths']);
  });

  it('is for admins only', async () => {
    const { defaults } = await currentSettings();
    const executive = await harness.user('executive');
    expect((await harness.json('/api/v1/settings', 'PUT', defaults, executive)).status).toBe(403);
  });
});

describe('If-Match on PUT /api/v1/settings', () => {
  it('starts at version 0 with the defaults, and refuses a change made on settings another admin has changed since', async () => {
    const read = await harness.request('/api/v1/settings', { as: admin });
    expect(read.headers.get('etag')).toBe('"0"');
    const { settings } = (await read.json()) as SettingsResponse;

    const first = await harness.json('/api/v1/settings', 'PUT', { ...settings, windowMonths: 4 }, admin, { 'if-match': '"0"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(((await first.json()) as SettingsResponse).version).toBe(1);

    // A second admin who read the defaults too: their change would silently undo the first.
    const second = await harness.json('/api/v1/settings', 'PUT', { ...settings, ownershipFallThreshold: 6 }, admin, { 'if-match': '"0"' });
    expect(second.status).toBe(412);
    expect((await currentSettings()).settings).toMatchObject({ windowMonths: 4, ownershipFallThreshold: 5 });
    const audit = await listAuditEvents(harness.db, { limit: 10 });
    expect(audit.filter((event) => event.action === 'settings.updated')).toHaveLength(1);
  });

  it('lets exactly one of several admins saving the same version at once through', async () => {
    const { settings } = await currentSettings();
    const responses = await Promise.all(
      [4, 5, 6, 7].map((windowMonths) =>
        harness.json('/api/v1/settings', 'PUT', { ...settings, windowMonths }, admin, { 'if-match': '"0"' }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([200, 412, 412, 412]);
  });
});
