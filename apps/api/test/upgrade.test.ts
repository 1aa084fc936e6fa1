import { parseMetricsCsv } from '@autonomy/contracts';
import { createUser, getAreaBySlug, getAreaMonth, putAreaMonth, rowsOf } from '@autonomy/db';
import { createTestDatabase, migrationsUpTo, type TestDatabase } from '@autonomy/db/test';
import { DEFAULT_SETTINGS } from '@autonomy/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.ts';
import { computePortfolio } from '../src/services/portfolio.ts';
import { recomputeFromScratch, storedState } from './assessment-check.ts';
import { workedExampleCsv, workedExampleExpected } from './worked-example.ts';

// A database as the release before stored assessments left it (migrations up to 0005), holding
// the worked example's figures; then the new release starts on it.

let database: TestDatabase;
const log: string[] = [];
const startUp = () =>
  bootstrap(database, { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, SEED_DEMO: false }, new Date('2026-12-07T12:00:00Z'), (line) => log.push(line));

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
  await database.migrate({ migrationsFolder: migrationsUpTo('0005_drop_unused_audit_area_index') });
  const parsed = parseMetricsCsv(workedExampleCsv, { latestMonth: '2026-12' });
  if (!parsed.ok) throw new Error(parsed.detail);
  const rows = JSON.stringify(parsed.rows.map(({ line: _line, ...row }) => row));
  await database.db.execute(sql`
    insert into areas (slug, name)
    select distinct r."areaSlug", r."areaName" from json_to_recordset(${rows}::json) as r("areaSlug" text, "areaName" text)`);
  await database.db.execute(sql`
    insert into area_months (area_id, month, revenue_target, revenue_actual, marketing_dedicated_fte, marketing_shared_fte,
      sales_dedicated_fte, sales_shared_fte, hires_total, hires_lead_owned, decisions_total, decisions_central,
      shared_service_dependencies, mandatory_processes, approval_latency_days, target_owner, version)
    select areas.id, r.month, r."revenueTarget", r."revenueActual", r."marketingDedicatedFte", r."marketingSharedFte",
      r."salesDedicatedFte", r."salesSharedFte", r."hiresTotal", r."hiresLeadOwned", r."decisionsTotal", r."decisionsCentral",
      r."sharedServiceDependencies", r."mandatoryProcesses", r."approvalLatencyDays", r."targetOwner"::target_owner,
      -- Months edited a few times under the old counter.
      case when r.month = '2024-10' then 7 else 1 end
    from json_to_recordset(${rows}::json) as r("areaSlug" text, month text, "revenueTarget" numeric, "revenueActual" numeric,
      "marketingDedicatedFte" numeric, "marketingSharedFte" numeric, "salesDedicatedFte" numeric, "salesSharedFte" numeric,
      "hiresTotal" int, "hiresLeadOwned" int, "decisionsTotal" int, "decisionsCentral" int, "sharedServiceDependencies" int,
      "mandatoryProcesses" int, "approvalLatencyDays" numeric, "targetOwner" text)
    join areas on areas.slug = r."areaSlug"`);
}, 60_000);
afterAll(() => database.destroy());

describe('the first start after upgrading to stored assessments', () => {
  it('fills the assessments of every area month, logging its progress, equal to a recomputation', async () => {
    await startUp();
    const figures = workedExampleCsv.trim().split('\n').length - 1;
    expect(log[0]).toBe(`Assessing ${figures} area months under the rules of this version…`);
    expect(log.at(-1)).toMatch(new RegExp(`^Assessed ${figures} area months of 5 areas in \\d+\\.\\d s\\.$`));

    const stored = await storedState(database.db);
    expect(stored.assessments).toHaveLength(figures);
    expect(stored).toEqual(await recomputeFromScratch(database.db, DEFAULT_SETTINGS));
  });

  it('reads the portfolio from them exactly as the worked example expects', async () => {
    for (const month of new Set(workedExampleExpected.map((row) => row.month))) {
      const portfolio = await computePortfolio(database.db, month);
      const expected = workedExampleExpected.filter((row) => row.month === month);
      expect(portfolio.areas.map((row) => row.slug)).toEqual(expected.map((row) => row.areaSlug).sort());
      for (const want of expected) {
        const row = portfolio.areas.find((candidate) => candidate.slug === want.areaSlug)!;
        expect(row.ownershipIndex).toBeCloseTo(want.ownershipIndex, 4);
        expect(row.centralisationIndex).toBeCloseTo(want.centralisationIndex, 4);
        expect(row.driftState, `${want.areaSlug} ${month}`).toBe(want.driftState);
        expect(row.drift?.severity).toBe(want.severity);
      }
    }
  });

  it('gives every later write a version above all those handed out before', async () => {
    const search = await getAreaBySlug(database.db, 'search');
    const edited = await getAreaMonth(database.db, search!.id, '2024-10');
    expect(edited?.version).toBe(7);
    const user = await createUser(database.db, { email: 'lead@example.com', name: 'Lead', role: 'area_lead', passwordHash: 'x' });
    const { id: _id, areaId: _areaId, month: _month, version: _version, updatedBy: _by, createdAt: _c, updatedAt: _u, ...figures } = edited!;
    const payments = await getAreaBySlug(database.db, 'payments');
    const rewritten = await putAreaMonth(database.db, { areaId: search!.id, month: '2024-10', figures: { ...figures, hiresTotal: figures.hiresTotal + 1 }, userId: user!.id });
    const added = await putAreaMonth(database.db, { areaId: payments!.id, month: '2025-06', figures, userId: user!.id });
    expect(rewritten.outcome === 'updated' && rewritten.row.version).toBeGreaterThan(7);
    expect(added.outcome === 'created' && added.row.version).toBeGreaterThan(7);
  });

  it('does not reassess again on the next start', async () => {
    log.length = 0;
    await startUp();
    expect(log).toEqual([]);
  });
});

// A database as the release before incidents left it (migrations up to 0007): figures, stored
// assessments, and signals decided month by month. The new release draws incidents from them.
describe('the first start after upgrading to incidents', () => {
  let before: TestDatabase;
  const start = () => bootstrap(before, { ADMIN_EMAIL: undefined, ADMIN_PASSWORD: undefined, SEED_DEMO: false }, new Date('2026-12-07T12:00:00Z'), () => {});

  beforeAll(async () => {
    before = await createTestDatabase({ migrated: false });
    await before.migrate({ migrationsFolder: migrationsUpTo('0007_import_jobs') });
    // Data Platform drifts from 2024-09 and still does in 2024-11, its last month here.
    const csv = workedExampleCsv
      .trim()
      .split('\n')
      .filter((line, i) => i === 0 || (line.startsWith('data-platform,') && !line.includes(',2024-12,')))
      .join('\n');
    const parsed = parseMetricsCsv(csv, { latestMonth: '2026-12' });
    if (!parsed.ok) throw new Error(parsed.detail);
    const [area] = rowsOf<{ id: string }>(await before.db.execute(sql`insert into areas (slug, name) values ('data-platform', 'Data Platform') returning id`));
    const lead = await createUser(before.db, { email: 'lead@example.com', name: 'Lead', role: 'area_lead', passwordHash: 'x' });
    for (const { line: _line, areaSlug: _slug, areaName: _name, month, ...figures } of parsed.rows) {
      await putAreaMonth(before.db, { areaId: area!.id, month, figures, userId: lead!.id });
    }
    // As the old release decided them: September acknowledged, October untouched, November acknowledged.
    for (const [month, status] of [['2024-09', 'acknowledged'], ['2024-10', 'open'], ['2024-11', 'acknowledged']] as const) {
      await before.db.execute(sql`
        insert into signals (kind, area_id, month, severity, explanation, status, status_reason)
        values ('chipotle_drift', ${area!.id}, ${month}, 'critical', '[]'::jsonb, ${status}, ${status === 'open' ? null : 'Known move to the shared platform'})`);
    }
  }, 60_000);
  afterAll(() => before.destroy());

  it('draws each running drift as one incident that keeps the latest decision taken on its months', async () => {
    await start();
    const stored = await storedState(before.db);
    expect(stored).toEqual(await recomputeFromScratch(before.db, DEFAULT_SETTINGS));
    const [incident, ...others] = rowsOf<Record<string, unknown>>(await before.db.execute(sql`select * from incidents`));
    expect(others).toEqual([]);
    expect(incident).toMatchObject({
      kind: 'chipotle_drift', first_month: '2024-09', latest_month: '2024-11', months: 3, status: 'acknowledged',
      status_reason: 'Known move to the shared platform', decided_through: '2024-11', resolved_month: null,
    });
    // Every month now shows the incident's decision, October's too.
    const statuses = rowsOf<{ month: string; status: string; incident_id: string }>(
      await before.db.execute(sql`select month, status, incident_id from signals order by month`),
    );
    expect(statuses).toEqual(['2024-09', '2024-10', '2024-11'].map((month) => ({ month, status: 'acknowledged', incident_id: incident!.id })));
  });
});
