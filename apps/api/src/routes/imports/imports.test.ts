import type { AuditEvent, AuditList } from '@autonomy/contracts';
import { listAreaFigures, listAuditEvents } from '@autonomy/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv } from '../../../test/worked-example.ts';

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

const header = workedExampleCsv.split('\n')[0] ?? '';
const row = (slug: string, month: string, overrides: Partial<Record<string, string>> = {}) => {
  const values: Record<string, string> = {
    area_slug: slug, area_name: slug.toUpperCase(), month, revenue_target: '1000', revenue_actual: '900',
    marketing_dedicated_fte: '1', marketing_shared_fte: '0.5', sales_dedicated_fte: '2', sales_shared_fte: '0',
    hires_total: '2', hires_lead_owned: '1', decisions_total: '5', decisions_central: '2',
    shared_service_dependencies: '1', mandatory_processes: '3', approval_latency_days: '4.5', target_owner: 'area',
    ...overrides,
  };
  return header.split(',').map((column) => values[column] ?? '').join(',');
};

function importCsv(body: string | Uint8Array, options: { dryRun?: boolean; as?: TestUser; contentType?: string } = {}) {
  return harness.request(`/api/v1/imports/metrics${options.dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body,
    headers: { 'content-type': options.contentType ?? 'text/csv' },
    as: options.as ?? admin,
  });
}

describe('POST /api/v1/imports/metrics', () => {
  it('imports the worked example whole and records one audit event with the row count', async () => {
    const response = await importCsv(workedExampleCsv);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ dryRun: false, rows: 49, areasCreated: 5, monthsCreated: 49, monthsUpdated: 0 });
    expect(await listAreaFigures(harness.db)).toHaveLength(49);
    const events = await listAuditEvents(harness.db, { limit: 10 });
    expect(events.filter((event) => event.action === 'metrics.imported')).toHaveLength(1);
    expect(events[0]?.after).toMatchObject({ rows: 49, areasCreated: 5, monthsCreated: 49, monthsUpdated: 0 });
    const areas = (events[0]?.after as { areas: { rows: number; created: boolean }[] }).areas;
    expect(areas).toHaveLength(5);
    expect(areas.reduce((sum, area) => sum + area.rows, 0)).toBe(49);
    expect(areas.every((area) => area.created)).toBe(true);
  });

  it('checks a dry run against the database but writes nothing', async () => {
    const response = await importCsv(workedExampleCsv, { dryRun: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ dryRun: true, rows: 49, areasCreated: 5, monthsCreated: 49 });
    expect(await listAreaFigures(harness.db)).toHaveLength(0);
    expect((await harness.request('/api/v1/areas', { as: admin }).then((r) => r.json())) as unknown).toMatchObject({ items: [] });
    expect(await listAuditEvents(harness.db, { limit: 10 })).toEqual([]);
  });

  it('counts replaced months on a second import', async () => {
    await importCsv(workedExampleCsv);
    const again = await importCsv(workedExampleCsv);
    expect(await again.json()).toMatchObject({ areasCreated: 0, monthsCreated: 0, monthsUpdated: 49 });
  });

  it('writes nothing when any row is bad, and names each bad row and column', async () => {
    const csv = [header, row('payments', '2024-01'), row('payments', '2024-02', { hires_lead_owned: '3' }), row('search', '2024-13')].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: 'hires_lead_owned' }),
        expect.objectContaining({ row: 4, column: 'month' }),
      ]),
    );
    expect(await listAreaFigures(harness.db)).toHaveLength(0);
  });

  it('reads CRLF line ends, a byte-order mark and quoted commas', async () => {
    const csv = `\uFEFF${header}\r\n${row('payments', '2024-01', { area_name: '"Payments, EU"' })}\r\n`;
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    const area = (await (await harness.request('/api/v1/areas/payments', { as: admin })).json()) as { name: string };
    expect(area.name).toBe('Payments, EU');
  });

  it('answers 400 to semicolon-separated files and to bytes that are not UTF-8', async () => {
    const semicolons = await importCsv(`${header.replaceAll(',', ';')}\n`);
    expect(semicolons.status).toBe(400);
    expect((await problemOf(semicolons)).errors?.[0]).toMatchObject({ row: 1 });
    const latin1 = await importCsv(new Uint8Array([0x61, 0xe9, 0x0a]));
    expect(latin1.status).toBe(400);
    expect((await problemOf(latin1)).detail).toMatch(/UTF-8/);
  });

  it('answers 415 to a body that is not text/csv', async () => {
    const response = await importCsv(workedExampleCsv, { contentType: 'application/json' });
    expect(response.status).toBe(415);
  });

  it('refuses a body over the size limit before reading it', async () => {
    const response = await harness.request('/api/v1/imports/metrics', {
      method: 'POST',
      body: 'x',
      headers: { 'content-type': 'text/csv', 'content-length': String(1024 * 1024 * 1024) },
      as: admin,
    });
    expect(response.status).toBe(413);
  });

  it('lets an area lead import rows for their own areas only', async () => {
    const lead = await harness.user('area_lead', { leads: ['payments'] });
    const own = await importCsv([header, row('payments', '2024-01')].join('\n'), { as: lead });
    expect(own.status).toBe(200);
    const other = await importCsv([header, row('payments', '2024-02'), row('search', '2024-02')].join('\n'), { as: lead });
    expect(other.status).toBe(403);
    expect(await listAreaFigures(harness.db)).toHaveLength(1);
    const viewer = await harness.user('viewer');
    expect((await importCsv([header, row('payments', '2024-03')].join('\n'), { as: viewer })).status).toBe(403);
  });
});

describe('the audit event of an import', () => {
  async function importEventsOf(area: string): Promise<AuditEvent[]> {
    const response = await harness.request(`/api/v1/audit?area=${area}`, { as: admin });
    expect(response.status).toBe(200);
    return ((await response.json()) as AuditList).items.filter((event) => event.action === 'metrics.imported');
  }

  it('is listed in the history of every area in the file, and of no other area', async () => {
    expect((await harness.json('/api/v1/areas', 'POST', { slug: 'payments', name: 'Payments' }, admin)).status).toBe(201);
    expect((await harness.json('/api/v1/areas', 'POST', { slug: 'billing', name: 'Billing' }, admin)).status).toBe(201);
    // Out of order on purpose, with a gap in growth's months: the summary reads the months, not the lines.
    const csv = [
      header,
      row('search', '2024-02'),
      row('payments', '2024-03'),
      row('growth', '2024-01'),
      row('payments', '2024-01'),
      row('growth', '2023-11'),
      row('payments', '2024-02'),
    ].join('\n');
    expect((await importCsv(csv)).status).toBe(200);

    const [event] = await importEventsOf('payments');
    expect(event).toMatchObject({ areaSlug: null, areaSlugs: ['growth', 'payments', 'search'], actor: { id: admin.id } });
    expect(event?.after).toEqual({
      rows: 6,
      areasCreated: 2,
      monthsCreated: 6,
      monthsUpdated: 0,
      targetsChanged: 0,
      areas: [
        { slug: 'growth', rows: 2, firstMonth: '2023-11', lastMonth: '2024-01', created: true },
        { slug: 'payments', rows: 3, firstMonth: '2024-01', lastMonth: '2024-03', created: false },
        { slug: 'search', rows: 1, firstMonth: '2024-02', lastMonth: '2024-02', created: true },
      ],
    });
    for (const area of ['growth', 'search']) expect((await importEventsOf(area)).map(({ id }) => id)).toEqual([event?.id]);
    expect(await importEventsOf('billing')).toEqual([]);
    expect(await importEventsOf('nowhere')).toEqual([]);
  });

  it('belongs to the area itself when the file holds only that area, and counts replaced months', async () => {
    await importCsv([header, row('payments', '2024-01')].join('\n'));
    const again = await importCsv([header, row('payments', '2024-01', { revenue_target: '1200' }), row('payments', '2024-02')].join('\n'));
    expect(again.status).toBe(200);
    const [latest, first] = await importEventsOf('payments');
    expect(latest).toMatchObject({
      areaSlug: 'payments',
      areaSlugs: ['payments'],
      after: {
        rows: 2,
        areasCreated: 0,
        monthsCreated: 1,
        monthsUpdated: 1,
        targetsChanged: 1,
        areas: [{ slug: 'payments', rows: 2, firstMonth: '2024-01', lastMonth: '2024-02', created: false }],
      },
    });
    expect(first?.after).toMatchObject({ areas: [{ slug: 'payments', created: true }] });
  });

  it('is not recorded for a file that is refused', async () => {
    expect((await importCsv([header, row('payments', '2024-01', { hires_lead_owned: '9' })].join('\n'))).status).toBe(422);
    expect(await listAuditEvents(harness.db, { limit: 10 })).toEqual([]);
  });
});

describe('GET /api/v1/exports/metrics', () => {
  it('gives back the imported figures in the import format', async () => {
    await importCsv(workedExampleCsv);
    const response = await harness.request('/api/v1/exports/metrics', { as: admin });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/attachment/);
    const exported = await response.text();
    const sortLines = (text: string) => text.trim().split(/\r?\n/).slice(1).sort();
    expect(exported.split('\n')[0]).toBe(header);
    expect(sortLines(exported)).toEqual(sortLines(workedExampleCsv));
  });
});
