import type { AreaTargets, AuditList, SignalList, TargetChangeList, TargetChangeResult } from '@autonomy/contracts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../test/fingerprint.ts';
import { exampleFigures, Harness, problemOf, type TestUser } from '../../../test/harness.ts';

let harness: Harness;
let admin: TestUser;
let lead: TestUser;

const FIGURE_MONTHS = ['2025-01', '2025-02', '2025-03'];

beforeAll(async () => {
  harness = await Harness.start();
});
afterAll(() => harness.stop());
beforeEach(async () => {
  await harness.reset();
  admin = await harness.user('admin');
  lead = await harness.user('area_lead', { email: 'lead@example.com', leads: ['checkout'] });
  for (const month of FIGURE_MONTHS) {
    const response = await harness.json(`/api/v1/areas/checkout/months/${month}`, 'PUT', exampleFigures, lead);
    expect(response.status).toBe(201);
  }
});

function changeTargets(body: unknown, as: TestUser = lead, slug = 'checkout'): Promise<Response> {
  return harness.json(`/api/v1/areas/${slug}/targets`, 'POST', body, as);
}

async function targetsOf(slug = 'checkout'): Promise<AreaTargets['months']> {
  return ((await (await harness.request(`/api/v1/areas/${slug}/targets`, { as: admin })).json()) as AreaTargets).months;
}

async function changesOf(slug = 'checkout', query = ''): Promise<TargetChangeList> {
  return (await (await harness.request(`/api/v1/areas/${slug}/targets/changes${query}`, { as: admin })).json()) as TargetChangeList;
}

describe('POST /api/v1/areas/{slug}/targets', () => {
  it('sets a range: months with figures take the target, later months keep it as planned', async () => {
    const etagBefore = (await harness.request('/api/v1/areas/checkout/months/2025-02', { as: lead })).headers.get('etag');
    const response = await changeTargets({ from: '2025-02', to: '2025-05', revenueTarget: 2_400_000, reason: 'New pricing from February' });
    expect(response.status).toBe(201);
    const result = (await response.json()) as TargetChangeResult;
    expect(result.months).toEqual([
      { month: '2025-02', revenueTarget: 2_400_000, planned: false },
      { month: '2025-03', revenueTarget: 2_400_000, planned: false },
      { month: '2025-04', revenueTarget: 2_400_000, planned: true },
      { month: '2025-05', revenueTarget: 2_400_000, planned: true },
    ]);
    expect(result.change).toMatchObject({
      from: '2025-02',
      to: '2025-05',
      revenueTarget: 2_400_000,
      reason: 'New pricing from February',
      source: 'target',
      actor: { id: lead.id, email: lead.email },
      previous: [
        { month: '2025-02', revenueTarget: 2_000_000 },
        { month: '2025-03', revenueTarget: 2_000_000 },
      ],
    });

    expect(await targetsOf()).toEqual([
      { month: '2025-01', revenueTarget: 2_000_000, planned: false },
      { month: '2025-02', revenueTarget: 2_400_000, planned: false },
      { month: '2025-03', revenueTarget: 2_400_000, planned: false },
      { month: '2025-04', revenueTarget: 2_400_000, planned: true },
      { month: '2025-05', revenueTarget: 2_400_000, planned: true },
    ]);
    const month = await harness.request('/api/v1/areas/checkout/months/2025-02', { as: lead });
    expect(await month.json()).toMatchObject({ revenueTarget: 2_400_000, revenueActual: exampleFigures.revenueActual });
    // The figures changed under anyone holding the old ETag: their write must not undo the target.
    expect(month.headers.get('etag')).not.toBe(etagBefore);
    const stale = await harness.json('/api/v1/areas/checkout/months/2025-02', 'PUT', exampleFigures, lead, { 'if-match': etagBefore ?? '' });
    expect(stale.status).toBe(412);
  });

  it('keeps a history, newest first, where a later change shows the planned target it replaced', async () => {
    await changeTargets({ from: '2025-04', to: '2025-06', revenueTarget: 2_500_000, reason: 'Plan for Q2' });
    await changeTargets({ from: '2025-03', to: '2025-04', revenueTarget: 2_200_000, reason: 'Slower launch' });
    const { items } = await changesOf();
    expect(items.map((change) => [change.from, change.to, change.revenueTarget, change.reason])).toEqual([
      ['2025-03', '2025-04', 2_200_000, 'Slower launch'],
      ['2025-04', '2025-06', 2_500_000, 'Plan for Q2'],
    ]);
    expect(items[0]?.previous).toEqual([
      { month: '2025-03', revenueTarget: 2_000_000 },
      { month: '2025-04', revenueTarget: 2_500_000 },
    ]);
    expect((await targetsOf()).filter((target) => target.planned)).toEqual([
      { month: '2025-04', revenueTarget: 2_200_000, planned: true },
      { month: '2025-05', revenueTarget: 2_500_000, planned: true },
      { month: '2025-06', revenueTarget: 2_500_000, planned: true },
    ]);
  });

  it('sets a single month when `to` is left out, and records the change in the audit log', async () => {
    const response = await changeTargets({ from: '2025-01', revenueTarget: 1_800_000, reason: 'Holiday season' });
    expect(response.status).toBe(201);
    expect(((await response.json()) as TargetChangeResult).change).toMatchObject({ from: '2025-01', to: '2025-01' });
    const audit = (await (await harness.request('/api/v1/audit?area=checkout', { as: admin })).json()) as AuditList;
    expect(audit.items[0]).toMatchObject({
      action: 'targets.changed',
      areaSlug: 'checkout',
      subject: '2025-01',
      actor: { email: lead.email },
      before: { previous: [{ month: '2025-01', revenueTarget: 2_000_000 }] },
      after: { from: '2025-01', to: '2025-01', revenueTarget: 1_800_000, reason: 'Holiday season' },
    });
  });

  it('raises a revenue miss when the new target is out of reach, and clears it when the target comes back', async () => {
    const revenueMisses = async () =>
      ((await (await harness.request('/api/v1/signals?area=checkout&kind=revenue_miss', { as: admin })).json()) as SignalList).items;
    expect(await revenueMisses()).toEqual([]);
    await changeTargets({ from: '2025-01', to: '2025-03', revenueTarget: 3_000_000, reason: 'Stretch goal' });
    expect((await revenueMisses()).map((signal) => [signal.month, signal.status])).toEqual([['2025-03', 'open']]);
    await changeTargets({ from: '2025-01', to: '2025-03', revenueTarget: 2_000_000, reason: 'Back to plan' });
    expect((await revenueMisses()).map((signal) => signal.status)).toEqual(['cleared']);
  });

  it('refuses bad ranges, targets and reasons with the field at fault, and changes nothing', async () => {
    const before = await fingerprint(harness.db);
    const cases: [unknown, string][] = [
      [{ from: '2025-03', to: '2025-01', revenueTarget: 1, reason: 'Backwards' }, 'to'],
      [{ from: '2025-01', to: '2035-01', revenueTarget: 1, reason: 'Ten years and a month' }, 'to'],
      [{ from: '2025-13', revenueTarget: 1, reason: 'No such month' }, 'from'],
      [{ from: '2025-01', revenueTarget: -5, reason: 'Negative' }, 'revenueTarget'],
      [{ from: '2025-01', revenueTarget: 1e15, reason: 'Too large to store' }, 'revenueTarget'],
      // numeric(18,4) would round it away and record a change that is not one. (At 2,000,000 a
      // fifth decimal is within the brief's float noise, 1e-9 × 2,000,000, and read as its rounding.)
      [{ from: '2025-01', revenueTarget: 20.00001, reason: 'A fifth decimal' }, 'revenueTarget'],
      [{ from: '2025-01', revenueTarget: 1, reason: '   ' }, 'reason'],
      [{ from: '2025-01', revenueTarget: 1 }, 'reason'],
      [{ from: '2025-01', revenueTarget: 1, reason: 'x'.repeat(501) }, 'reason'],
      [{ from: '2025-01', revenueTarget: 1, reason: 'Extra', owner: 'me' }, ''],
    ];
    for (const [body, path] of cases) {
      const response = await changeTargets(body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors?.map((error) => error.path), JSON.stringify(body)).toContain(path);
    }
    expect((await changeTargets({ from: '2025-01', revenueTarget: 1, reason: 'Nowhere' }, lead, 'no-such-area')).status).toBe(404);
    expect(await fingerprint(harness.db)).toEqual(before);
  });

  it('keeps a true history when several changes of the same month arrive at once: each replaced the one before', async () => {
    const targets = [1_100_000, 1_200_000, 1_300_000, 1_400_000, 1_500_000, 1_600_000];
    const responses = await Promise.all(
      targets.map((revenueTarget) => changeTargets({ from: '2025-01', revenueTarget, reason: `To ${revenueTarget}` })),
    );
    expect(responses.map((response) => response.status)).toEqual(targets.map(() => 201));
    // Oldest first, every change's "before" is the target the previous change set.
    const chain = (await changesOf()).items.reverse();
    expect(chain.map((change) => change.previous[0]?.revenueTarget)).toEqual([
      2_000_000,
      ...chain.slice(0, -1).map((change) => change.revenueTarget),
    ]);
  });

  it("is for the area's leads and admins: other leads, executives and viewers get 403 and change nothing", async () => {
    const refused = [await harness.user('area_lead', { leads: ['search'] }), await harness.user('executive'), await harness.user('viewer')];
    const before = await fingerprint(harness.db);
    for (const user of refused) {
      const response = await changeTargets({ from: '2025-01', revenueTarget: 1, reason: 'Not mine' }, user);
      expect(response.status).toBe(403);
    }
    expect(await fingerprint(harness.db)).toEqual(before);
    expect((await changeTargets({ from: '2025-01', revenueTarget: 1, reason: 'Admin fix' }, admin)).status).toBe(201);
  });
});

describe('target changes made with other figures', () => {
  it("records an edit of a month's figures that changes its target, and not one that keeps it", async () => {
    const write = (figures: typeof exampleFigures) => harness.json('/api/v1/areas/checkout/months/2025-01', 'PUT', figures, lead);
    expect((await write({ ...exampleFigures, revenueActual: 1 })).status).toBe(200);
    expect((await changesOf()).items).toEqual([]);
    expect((await write({ ...exampleFigures, revenueTarget: 2_100_000 })).status).toBe(200);
    expect((await changesOf()).items).toEqual([
      expect.objectContaining({
        from: '2025-01',
        to: '2025-01',
        revenueTarget: 2_100_000,
        source: 'figures',
        previous: [{ month: '2025-01', revenueTarget: 2_000_000 }],
      }),
    ]);
  });

  it('records figures added for a month that differ from its planned target, and not those that keep it', async () => {
    expect((await changeTargets({ from: '2025-04', to: '2025-05', revenueTarget: 2_500_000, reason: 'Plan' })).status).toBe(201);
    const add = (month: string, revenueTarget: number) =>
      harness.json(`/api/v1/areas/checkout/months/${month}`, 'PUT', { ...exampleFigures, revenueTarget }, lead);
    expect((await add('2025-04', 2_500_000)).status).toBe(201);
    expect((await add('2025-05', 2_300_000)).status).toBe(201);
    // A month nothing was planned for has no target before its figures: nothing to record.
    expect((await add('2025-06', 2_300_000)).status).toBe(201);
    const [newest, plan, ...rest] = (await changesOf()).items;
    expect(rest).toEqual([]);
    expect(plan).toEqual(expect.objectContaining({ source: 'target', reason: 'Plan' }));
    expect(newest).toEqual(
      expect.objectContaining({
        from: '2025-05',
        revenueTarget: 2_300_000,
        source: 'figures',
        previous: [{ month: '2025-05', revenueTarget: 2_500_000 }],
      }),
    );
  });

  it('records each month whose target an import changes, attributed to the importer', async () => {
    const header =
      'area_slug,area_name,month,revenue_target,revenue_actual,marketing_dedicated_fte,marketing_shared_fte,sales_dedicated_fte,' +
      'sales_shared_fte,hires_total,hires_lead_owned,decisions_total,decisions_central,shared_service_dependencies,' +
      'mandatory_processes,approval_latency_days,target_owner';
    const row = (month: string, target: number) => `checkout,Checkout,${month},${target},2100000,3,0,5,2,3,3,12,1,0,1,1,area`;
    // 2025-05 was planned at 8,000,000 and arrives at 8,500,000; 2025-06 arrives as planned.
    expect((await changeTargets({ from: '2025-05', to: '2025-06', revenueTarget: 8_000_000, reason: 'Plan' })).status).toBe(201);
    const csv = [
      header,
      row('2025-01', 2_000_000),
      row('2025-02', 2_250_000.5),
      row('2025-04', 9_000_000),
      row('2025-05', 8_500_000),
      row('2025-06', 8_000_000),
    ].join('\n');
    const response = await harness.request('/api/v1/imports/metrics', {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
      as: lead,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    // 2025-01 and 2025-06 kept their target and 2025-04 had none: 2025-02 and 2025-05 changed.
    const [plan, ...imported] = (await changesOf()).items.reverse();
    expect(plan).toEqual(expect.objectContaining({ source: 'target', reason: 'Plan' }));
    expect(imported).toEqual([
      expect.objectContaining({
        from: '2025-02',
        to: '2025-02',
        revenueTarget: 2_250_000.5,
        source: 'import',
        actor: expect.objectContaining({ email: lead.email }),
        previous: [{ month: '2025-02', revenueTarget: 2_000_000 }],
      }),
      expect.objectContaining({
        from: '2025-05',
        revenueTarget: 8_500_000,
        source: 'import',
        previous: [{ month: '2025-05', revenueTarget: 8_000_000 }],
      }),
    ]);
  });
});

describe('GET /api/v1/areas/{slug}/targets/changes', () => {
  it('pages newest first with a cursor, and refuses a forged cursor', async () => {
    for (const [index, month] of FIGURE_MONTHS.entries()) {
      await changeTargets({ from: month, revenueTarget: 1_000_000 + index, reason: `Change ${index}` });
    }
    const first = await changesOf('checkout', '?limit=2');
    expect(first.items.map((change) => change.reason)).toEqual(['Change 2', 'Change 1']);
    const second = await changesOf('checkout', `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((change) => change.reason)).toEqual(['Change 0']);
    expect(second.nextCursor).toBeNull();
    const forged = await harness.request('/api/v1/areas/checkout/targets/changes?cursor=bm90LWFuLWlk', { as: admin });
    expect(forged.status).toBe(422);
    expect((await harness.request('/api/v1/areas/no-such-area/targets/changes', { as: admin })).status).toBe(404);
  });

  it('is readable by every role, viewers included', async () => {
    const viewer = await harness.user('viewer');
    expect((await harness.request('/api/v1/areas/checkout/targets/changes', { as: viewer })).status).toBe(200);
    expect((await harness.request('/api/v1/areas/checkout/targets', { as: viewer })).status).toBe(200);
  });
});
