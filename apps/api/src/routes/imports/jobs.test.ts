import type { ImportJob } from '@autonomy/contracts';
import { listAreaFigures, schema } from '@autonomy/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Harness, problemOf, type TestUser } from '../../../test/harness.ts';
import { workedExampleCsv } from '../../../test/worked-example.ts';
import { importFigures, type ImportProgress } from '../../services/imports.ts';
import { parseMetricsCsv } from '@autonomy/contracts';

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

async function startJob(csv: string, options: { dryRun?: boolean; as?: TestUser; fileName?: string } = {}) {
  const query = new URLSearchParams({ dryRun: String(options.dryRun ?? false), fileName: options.fileName ?? 'figures.csv' });
  return harness.request(`/api/v1/imports/metrics/jobs?${query}`, {
    method: 'POST',
    body: csv,
    headers: { 'content-type': 'text/csv' },
    as: options.as ?? admin,
  });
}

const finished = (location: string, as: TestUser = admin) => harness.untilJobEnds(location, { as });

describe('POST /api/v1/imports/metrics/jobs', () => {
  it('answers 202 with a running job at once, and the job ends with what the synchronous import answers', async () => {
    const response = await startJob(workedExampleCsv, { fileName: 'drift example.csv' });
    expect(response.status).toBe(202);
    const location = response.headers.get('location') ?? '';
    const started = (await response.json()) as ImportJob;
    expect(location).toBe(`/api/v1/imports/jobs/${started.id}`);
    expect(started).toMatchObject({ fileName: 'drift example.csv', dryRun: false, status: 'running', rows: 49, result: null, problem: null, finishedAt: null });

    const job = await finished(location);
    expect(job).toMatchObject({ status: 'done', progress: null, problem: null });
    expect(job.result).toEqual({
      dryRun: false,
      rows: 49,
      areasCreated: 5,
      monthsCreated: 49,
      monthsUpdated: 0,
      monthsUnchanged: 0,
      skipped: [],
      warnings: [],
    });
    expect(job.finishedAt).not.toBeNull();
    expect(await listAreaFigures(harness.db)).toHaveLength(49);
  });

  it('runs a check as a job too: the preview comes with the result, and nothing is written', async () => {
    const response = await startJob(workedExampleCsv, { dryRun: true });
    const job = await finished(response.headers.get('location') ?? '');
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ dryRun: true, rows: 49, monthsCreated: 49, preview: { signals: { opens: expect.any(Number) } } });
    expect(job.result?.preview?.areas.map((area) => area.areaSlug)).toEqual(['data-platform', 'growth', 'mobile', 'payments', 'search']);
    expect(await listAreaFigures(harness.db)).toEqual([]);
  });

  it('refuses a bad file at once, as the synchronous route does, and makes no job', async () => {
    const response = await startJob(`${workedExampleCsv.split('\n')[0]}\npayments,Payments,2024-13,1,1,1,1,1,1,1,1,1,1,1,1,1,area\n`);
    expect(response.status).toBe(422);
    expect((await problemOf(response)).errors).toEqual([expect.objectContaining({ row: 2, column: 'month' })]);
    expect(await harness.db.select().from(schema.importJobs)).toEqual([]);
  });

  it('shows a job to its owner and admins only', async () => {
    const lead = await harness.user('area_lead', { leads: ['payments'] });
    const response = await startJob(`${workedExampleCsv.split('\n')[0]}\npayments,Payments,2024-01,1,1,1,1,1,1,1,1,1,1,1,1,1,area\n`, { as: lead });
    expect(response.status).toBe(202);
    const location = response.headers.get('location') ?? '';
    expect((await finished(location, lead)).status).toBe('done');
    expect((await harness.request(location, { as: admin })).status).toBe(200);
    const other = await harness.user('area_lead', { leads: ['search'] });
    const refused = await harness.request(location, { as: other });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).detail).toBe('This import job is someone else’s: only they and admins can see it.');
    expect((await harness.request('/api/v1/imports/jobs/00000000-0000-4000-8000-000000000000', { as: admin })).status).toBe(404);
    expect((await harness.request('/api/v1/imports/jobs/not-a-uuid', { as: admin })).status).toBe(422);
  });

  it('calls a job failed when it was cut off: still running long after it began, and run by no process', async () => {
    const [row] = await harness.db
      .insert(schema.importJobs)
      .values({ userId: admin.id, fileName: 'big.csv', dryRun: false, rows: 100_000, createdAt: new Date(Date.now() - 31 * 60 * 1000) })
      .returning();
    const job = (await (await harness.request(`/api/v1/imports/jobs/${row!.id}`, { as: admin })).json()) as ImportJob;
    expect(job).toMatchObject({ status: 'failed', result: null, progress: null, problem: { status: 500, detail: 'The import did not finish: the server running it stopped. Nothing was imported; import the file again.' } });

    const [young] = await harness.db.insert(schema.importJobs).values({ userId: admin.id, fileName: 'big.csv', dryRun: false, rows: 100_000 }).returning();
    // Younger, it may be running on another replica: still running, without progress.
    expect(await (await harness.request(`/api/v1/imports/jobs/${young!.id}`, { as: admin })).json()).toMatchObject({ status: 'running', progress: null });
  });
});

describe('the progress an import reports', () => {
  it('counts rows written batch by batch (5,000 a batch), then areas reassessed, ending at the totals', async () => {
    const header = workedExampleCsv.split('\n')[0];
    // 120 areas × 100 months: three batches of rows, then the 120 areas in batches of 25.
    const lines = Array.from({ length: 12_000 }, (_, index) => {
      const area = Math.floor(index / 100);
      const month = index % 100;
      return `area-${area},Area ${area},${2010 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')},1000,900,1,1,1,1,2,1,4,1,1,2,3,area`;
    });
    const parsed = parseMetricsCsv(`${header}\n${lines.join('\n')}\n`);
    if (!parsed.ok) throw new Error('the file is valid');
    const seen: ImportProgress[] = [];
    await importFigures(harness.db, { rows: parsed.rows, dryRun: false, actor: { id: admin.id, email: admin.email, name: 'Test admin' }, now: new Date(), onProgress: (progress) => seen.push({ ...progress }) });
    expect(seen).toEqual([
      { rowsWritten: 5000, areasReassessed: 0, areasToReassess: null },
      { rowsWritten: 10_000, areasReassessed: 0, areasToReassess: null },
      { rowsWritten: 12_000, areasReassessed: 0, areasToReassess: null },
      { rowsWritten: 12_000, areasReassessed: 0, areasToReassess: 120 },
      ...[25, 50, 75, 100, 120].map((areas) => ({ rowsWritten: 12_000, areasReassessed: areas, areasToReassess: 120 })),
    ]);
  });
});
