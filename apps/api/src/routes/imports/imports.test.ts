import type { AuditEvent, AuditList } from '@autonomy/contracts';
import { listAreaFigures, listAuditEvents, schema } from '@autonomy/db';
import { eq } from 'drizzle-orm';
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
    expect(await response.json()).toEqual({
      dryRun: false,
      rows: 49,
      areasCreated: 5,
      monthsCreated: 49,
      monthsUpdated: 0,
      monthsUnchanged: 0,
      skipped: [],
      warnings: [],
    });
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

  it('writes nothing for rows that hold the stored values: no version moves, and only changed months count as updated', async () => {
    await importCsv(workedExampleCsv);
    const versionsBefore = await monthVersions();
    const again = await importCsv(workedExampleCsv);
    expect(await again.json()).toMatchObject({ areasCreated: 0, monthsCreated: 0, monthsUpdated: 0, monthsUnchanged: 49 });
    expect(await monthVersions()).toEqual(versionsBefore);

    // One value changed, written differently but equal elsewhere (1.50 for 1.5): one month is updated.
    const lines = workedExampleCsv.trimEnd().split('\n');
    const columns = lines[0]!.split(',');
    const latency = columns.indexOf('approval_latency_days');
    const changed = lines.map((line, index) => {
      if (index !== 5) return line;
      const values = line.split(',');
      values[latency] = String(Number(values[latency]) + 1);
      return values.join(',');
    });
    const changedLine = changed[5]!.split(',');
    const response = await importCsv(`${changed.join('\n')}\n`);
    expect(await response.json()).toMatchObject({ monthsCreated: 0, monthsUpdated: 1, monthsUnchanged: 48 });
    const versionsAfter = await monthVersions();
    const key = `${changedLine[0]} ${changedLine[columns.indexOf('month')]}`;
    expect(versionsAfter.get(key)).not.toBe(versionsBefore.get(key));
    versionsAfter.delete(key);
    versionsBefore.delete(key);
    expect(versionsAfter).toEqual(versionsBefore);
  });

  async function monthVersions(): Promise<Map<string, number>> {
    const { areas, areaMonths } = schema;
    const rows = await harness.db
      .select({ slug: areas.slug, month: areaMonths.month, version: areaMonths.version })
      .from(areaMonths)
      .innerJoin(areas, eq(areas.id, areaMonths.areaId));
    return new Map(rows.map((row) => [`${row.slug} ${row.month}`, Number(row.version)]));
  }

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

  it('reads a file that streams in small chunks, cut inside characters, quoted values and line ends', async () => {
    const names = ['"Zahlungsverkehr, Überweisungen"', '"Café ""Crème""\r\nEU"', 'Søk 🔎'];
    const slugs = ['payments', 'cafe', 'search'];
    const lines = slugs.flatMap((slug, index) => ['2024-01', '2024-02'].map((month) => row(slug, month, { area_name: names[index] })));
    const bytes = new TextEncoder().encode(`\uFEFF${header}\r\n${lines.join('\r\n')}\r\n`);
    const chunked = (size: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
          controller.close();
        },
      });
    for (const size of [1, 3, 7]) {
      await harness.reset();
      admin = await harness.user('admin');
      const response = await harness.request('/api/v1/imports/metrics', {
        method: 'POST',
        body: chunked(size),
        headers: { 'content-type': 'text/csv' },
        duplex: 'half',
        as: admin,
      } as RequestInit & { as: TestUser });
      expect(response.status, `chunks of ${size} bytes`).toBe(200);
      expect(await response.json()).toEqual({ dryRun: false, rows: 6, areasCreated: 3, monthsCreated: 6, monthsUpdated: 0, monthsUnchanged: 0, skipped: [], warnings: [] });
      const areas = (await (await harness.request('/api/v1/areas', { as: admin })).json()) as { items: { slug: string; name: string }[] };
      expect(Object.fromEntries(areas.items.map((area) => [area.slug, area.name]))).toEqual({
        payments: 'Zahlungsverkehr, Überweisungen',
        cafe: 'Café "Crème"\r\nEU',
        search: 'Søk 🔎',
      });
    }
  });

  describe("an area lead's re-import of the whole export", () => {
    const exportLike = () =>
      [
        header,
        row('payments', '2024-01'),
        row('search', '2024-01'),
        row('payments', '2024-02'),
        row('search', '2024-02'),
        row('growth', '2024-01'),
        row('billing', '2024-01'),
      ].join('\n');

    it('is refused in plain words, naming every other area with its rows, and writes nothing', async () => {
      await importCsv(exportLike());
      const before = await listAreaFigures(harness.db);
      const lead = await harness.user('area_lead', { leads: ['billing'] });
      const response = await importCsv(exportLike().replaceAll(',4.5,', ',5.5,'), { as: lead });
      expect(response.status).toBe(403);
      const problem = await problemOf(response);
      expect(problem.detail).toBe(
        'You can import figures only for the areas you lead (billing), and the file also has rows for 3 other areas: ' +
          "payments (2 rows), search (2 rows), growth (1 row). Remove those rows, or import only your areas' rows (scope=mine) to skip them. Nothing was imported.",
      );
      expect(problem.detail).not.toMatch(/metrics\.import|area_lead/);
      expect(problem.errors).toEqual([
        { row: 2, column: 'area_slug', path: 'areaSlug', message: 'payments is not one of your areas (2 rows in the file, the first on this line)' },
        { row: 3, column: 'area_slug', path: 'areaSlug', message: 'search is not one of your areas (2 rows in the file, the first on this line)' },
        { row: 6, column: 'area_slug', path: 'areaSlug', message: 'growth is not one of your areas (1 row in the file, the first on this line)' },
      ]);
      expect(await listAreaFigures(harness.db)).toEqual(before);
    });

    it('with scope=mine writes only their areas and reports the rest as skipped', async () => {
      await importCsv(exportLike());
      const lead = await harness.user('area_lead', { leads: ['billing', 'search'] });
      const response = await harness.request('/api/v1/imports/metrics?scope=mine', {
        method: 'POST',
        body: exportLike().replaceAll(',4.5,', ',5.5,'),
        headers: { 'content-type': 'text/csv' },
        as: lead,
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        dryRun: false,
        rows: 3,
        areasCreated: 0,
        monthsCreated: 0,
        monthsUpdated: 3,
        monthsUnchanged: 0,
        skipped: [
          { areaSlug: 'payments', rows: 2 },
          { areaSlug: 'growth', rows: 1 },
        ],
        warnings: [],
      });
      const latency = Object.fromEntries((await listAreaFigures(harness.db)).map((figures) => [`${figures.areaSlug} ${figures.month}`, figures.approvalLatencyDays]));
      expect(latency).toEqual({
        'billing 2024-01': 5.5,
        'search 2024-01': 5.5,
        'search 2024-02': 5.5,
        'payments 2024-01': 4.5,
        'payments 2024-02': 4.5,
        'growth 2024-01': 4.5,
      });
    });

    it('with scope=mine but no row of theirs is refused, and a viewer may not import at all', async () => {
      const lead = await harness.user('area_lead', { leads: ['billing'] });
      const response = await harness.request('/api/v1/imports/metrics?scope=mine', {
        method: 'POST',
        body: [header, row('payments', '2024-01')].join('\n'),
        headers: { 'content-type': 'text/csv' },
        as: lead,
      });
      expect(response.status).toBe(403);
      expect((await problemOf(response)).detail).toBe(
        "None of the file's rows are for the areas you lead (billing); it has rows for payments (1 row). Nothing was imported.",
      );
      const viewer = await harness.user('viewer');
      const refused = await importCsv([header, row('payments', '2024-01')].join('\n'), { as: viewer });
      expect(refused.status).toBe(403);
      expect((await problemOf(refused)).detail).toBe('Only admins and area leads can import figures; ask one of them to import this file.');
      expect(await listAreaFigures(harness.db)).toEqual([]);
    });
  });

  it('warns about columns it ignored and names that differ from the area, and renames nothing', async () => {
    await importCsv([header, row('payments', '2024-01')].join('\n'));
    const csv = [`region,${header},notes`, `EMEA,${row('payments', '2024-02', { area_name: 'Payments EU' })},call Ann`].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      monthsCreated: 1,
      warnings: [
        { row: 1, column: 'region', path: 'header', message: 'column "region" is not part of the import format; its values were ignored' },
        { row: 1, column: 'notes', path: 'header', message: 'column "notes" is not part of the import format; its values were ignored' },
        {
          row: 2,
          column: 'area_name',
          path: 'areaName',
          message: 'area_name "Payments EU" differs from the name of payments, "PAYMENTS"; an import does not rename an area (rename it on the area\'s page)',
        },
      ],
    });
    const area = (await (await harness.request('/api/v1/areas/payments', { as: admin })).json()) as { name: string };
    expect(area.name).toBe('PAYMENTS');
  });

  it('previews a dry run: per area the months created, changed and unchanged, the first changes, and the signals that would move', async () => {
    await importCsv(workedExampleCsv);
    const figuresBefore = await listAreaFigures(harness.db);
    const signalsBefore = await (await harness.request('/api/v1/signals?limit=1000', { as: admin })).json();
    // Search's six drifting months rewritten as steady as Payments; Payments' December as it is; a new area.
    const steady = '2000000,2100000,3,0,5,2,3,3,12,1,0,1,1,area';
    const csv = [
      header,
      ...['2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12'].map((month) => `search,Search,${month},${steady}`),
      `payments,Payments,2024-12,${steady}`,
      `billing,Billing,2024-12,${steady}`,
    ].join('\n');
    const response = await importCsv(csv, { dryRun: true });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { preview: unknown };
    expect(result).toMatchObject({ dryRun: true, rows: 8, areasCreated: 1, monthsCreated: 1, monthsUpdated: 6, monthsUnchanged: 1 });
    // From the worked example's file and its expected.json: Search's July differs in five columns,
    // and its five drift months (warning, then critical) would clear.
    expect(result.preview).toEqual({
      areas: [
        { areaSlug: 'billing', areaName: 'Billing', newArea: true, monthsCreated: 1, monthsChanged: 0, monthsUnchanged: 0, changes: [] },
        { areaSlug: 'payments', areaName: 'Payments', newArea: false, monthsCreated: 0, monthsChanged: 0, monthsUnchanged: 1, changes: [] },
        {
          areaSlug: 'search',
          areaName: 'Search',
          newArea: false,
          monthsCreated: 0,
          monthsChanged: 6,
          monthsUnchanged: 0,
          changes: [
            { month: '2024-07', column: 'marketing_shared_fte', before: 2, after: 0 },
            { month: '2024-07', column: 'hires_lead_owned', before: 2, after: 3 },
            { month: '2024-07', column: 'decisions_central', before: 4, after: 1 },
            { month: '2024-07', column: 'mandatory_processes', before: 4, after: 1 },
            { month: '2024-07', column: 'approval_latency_days', before: 5, after: 1 },
          ],
        },
      ],
      signals: {
        opens: 0,
        reopens: 0,
        escalates: 0,
        eases: 0,
        clears: 5,
        listed: [
          { areaSlug: 'search', month: '2024-07', kind: 'chipotle_drift', change: 'clears', severity: 'warning', previousSeverity: 'warning' },
          ...['2024-08', '2024-09', '2024-10', '2024-11'].map((month) => ({
            areaSlug: 'search',
            month,
            kind: 'chipotle_drift',
            change: 'clears',
            severity: 'critical',
            previousSeverity: 'critical',
          })),
        ],
      },
    });
    // A dry run writes nothing: figures, signals and areas are as they were.
    expect(await listAreaFigures(harness.db)).toEqual(figuresBefore);
    expect(await (await harness.request('/api/v1/signals?limit=1000', { as: admin })).json()).toEqual(signalsBefore);
    expect((await harness.request('/api/v1/areas/billing', { as: admin })).status).toBe(404);
  });

  it('previews the signals a drifting file would open', async () => {
    const response = await importCsv(workedExampleCsv, { dryRun: true });
    const { preview } = (await response.json()) as { preview: { signals: { opens: number; listed: { areaSlug: string; month: string; severity: string }[] } } };
    // expected.json: Search drifts 2024-07…2024-11; Data Platform's critical months are drifts too.
    const searchOpens = preview.signals.listed.filter((signal) => signal.areaSlug === 'search').map((signal) => `${signal.month} ${signal.severity}`);
    expect(searchOpens).toEqual(['2024-07 warning', '2024-08 critical', '2024-09 critical', '2024-10 critical', '2024-11 critical']);
    expect(preview.signals.opens).toBe(preview.signals.listed.length);
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
      monthsUnchanged: 0,
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

  const exportOf = async (query: string, as = admin) => {
    const response = await harness.request(`/api/v1/exports/metrics${query}`, { as });
    return { response, text: response.status === 200 ? await response.text() : '' };
  };
  const slugMonths = (text: string) => text.trim().split('\n').slice(1).map((line) => line.split(',').slice(0, 3).filter((_, index) => index !== 1).join(' '));

  it('narrows to some areas, to the areas the user leads, and to a month range, and names the file after what it holds', async () => {
    await importCsv([header, ...['payments', 'search', 'growth'].flatMap((slug) => ['2024-01', '2024-02', '2024-03'].map((month) => row(slug, month)))].join('\n'));

    const some = await exportOf('?areas=search,payments&from=2024-02');
    expect(slugMonths(some.text)).toEqual(['payments 2024-02', 'payments 2024-03', 'search 2024-02', 'search 2024-03']);
    expect(some.response.headers.get('content-disposition')).toBe('attachment; filename="area-metrics_2-areas_2024-02_to_2024-03.csv"');

    const lead = await harness.user('area_lead', { leads: ['growth'] });
    const mine = await exportOf('?mine=true&to=2024-02', lead);
    expect(slugMonths(mine.text)).toEqual(['growth 2024-01', 'growth 2024-02']);
    expect(mine.response.headers.get('content-disposition')).toBe('attachment; filename="area-metrics_my-areas_2024-01_to_2024-02.csv"');

    const all = await exportOf('');
    expect(all.response.headers.get('content-disposition')).toBe('attachment; filename="area-metrics_2024-01_to_2024-03.csv"');
    expect(slugMonths(all.text)).toHaveLength(9);
  });

  it('gives the header alone as a template', async () => {
    await importCsv(workedExampleCsv);
    const template = await exportOf('?template=true');
    expect(template.text).toBe(`${header}\n`);
    expect(template.response.headers.get('content-disposition')).toBe('attachment; filename="area-metrics_template.csv"');
  });

  it('refuses unknown areas, a range that ends before it starts, malformed months, and "my areas" for someone who leads none', async () => {
    await importCsv(workedExampleCsv);
    for (const [query, detail] of [
      ['?areas=payments,nowhere', /No area is called "nowhere"/],
      ['?from=2024-05&to=2024-01', /from/],
      ['?from=May-24', /from/],
      ['?areas=', /areas/],
      ['?mine=true', /You lead no area/],
    ] as const) {
      const { response } = await exportOf(query);
      expect(response.status, query).toBe(422);
      const problem = await problemOf(response);
      expect(`${problem.detail} ${JSON.stringify(problem.errors)}`, query).toMatch(detail);
    }
  });

  it('writes names that would start a formula behind an apostrophe, and an import reads them back as they were', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', "=cmd|' /C calc'!A0", '+1', '-2', '@SUM(A1)'];
    const slugs = names.map((_, index) => `formula-${index}`);
    await importCsv([header, ...slugs.map((slug, index) => row(slug, '2024-01', { area_name: `"${names[index]!.replaceAll('"', '""')}"` }))].join('\n'));
    const exported = (await exportOf('')).text;
    for (const line of exported.trim().split('\n').slice(1)) expect(line).toMatch(/^formula-\d,"?'[=+\-@]/);
    await harness.reset();
    admin = await harness.user('admin');
    expect((await importCsv(exported)).status).toBe(200);
    const areas = (await (await harness.request('/api/v1/areas', { as: admin })).json()) as { items: { slug: string; name: string }[] };
    expect(Object.fromEntries(areas.items.map((area) => [area.slug, area.name]))).toEqual(Object.fromEntries(slugs.map((slug, index) => [slug, names[index]])));
    expect((await exportOf('')).text).toBe(exported);
  });
});
