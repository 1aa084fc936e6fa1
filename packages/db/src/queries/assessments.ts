import type { AreaMonthAssessment } from '@autonomy/domain';
import { asc, eq, getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from './rows.ts';
import { areaAssessments } from '../schema/index.ts';

export type AssessmentRecord = typeof areaAssessments.$inferInsert;
export type AssessmentRow = typeof areaAssessments.$inferSelect;

/** The row stored for one assessed area month: the domain's assessment, flattened, without its words. */
export function toAssessmentRecord(areaId: string, assessment: AreaMonthAssessment): AssessmentRecord {
  const { ownershipComponents: o, centralisationComponents: c, contributionPoints: p, drift } = assessment;
  return {
    areaId,
    month: assessment.month,
    ownershipIndex: assessment.ownershipIndex,
    centralisationIndex: assessment.centralisationIndex,
    revenueAttainment: assessment.revenueAttainment,
    marketing: o.marketing,
    sales: o.sales,
    hiring: o.hiring,
    target: o.target,
    dependencies: c.dependencies,
    processes: c.processes,
    latency: c.latency,
    centralDecisions: c.centralDecisions,
    hiringCarriedFrom: assessment.carriedForward.hiring,
    decisionsCarriedFrom: assessment.carriedForward.centralDecisions,
    driftState: assessment.driftState,
    ownershipDelta: assessment.ownershipDelta,
    centralisationDelta: assessment.centralisationDelta,
    magnitude: drift?.magnitude ?? null,
    severity: drift?.severity ?? null,
    consecutiveMonths: drift?.consecutiveMonths ?? null,
    marketingPoints: p?.marketing ?? null,
    salesPoints: p?.sales ?? null,
    hiringPoints: p?.hiring ?? null,
    targetPoints: p?.target ?? null,
    dependenciesPoints: p?.dependencies ?? null,
    processesPoints: p?.processes ?? null,
    latencyPoints: p?.latency ?? null,
    centralDecisionsPoints: p?.centralDecisions ?? null,
  };
}

// Each batch travels as one array literal per column, unpacked by unnest: no bind parameter per
// value (65,535 at most) and, unlike a JSON document of row objects, no field names repeated for
// every row for the server to parse. Every value here is a number, a uuid, a month or an enum
// label, so the literal needs no quoting.
const RECORD_BATCH = 10_000;
const columns = Object.entries(getTableColumns(areaAssessments)).map(([field, column]) => ({
  field: field as keyof AssessmentRecord,
  name: column.name,
  type: column.getSQLType(),
}));
const columnList = columns.map((column) => `"${column.name}"`).join(', ');

function arrayLiteral(values: readonly unknown[]): string {
  let literal = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    literal += `${i === 0 ? '' : ','}${value === null || value === undefined ? 'NULL' : String(value)}`;
  }
  return `${literal}}`;
}

/**
 * Replaces stored assessments: for each area, every month from `fromMonth` on (all months when
 * null) is deleted, then `records` are inserted. The caller holds the areas' locks and passes
 * exactly the records for those months, so removed months leave no assessment behind.
 */
export async function replaceAssessments(
  db: Database,
  scope: readonly { areaId: string; fromMonth: string | null }[],
  records: readonly AssessmentRecord[],
): Promise<void> {
  if (scope.length > 0) {
    await db.execute(sql`
      delete from area_assessments stored
      using unnest(${arrayLiteral(scope.map((change) => change.areaId))}::uuid[], ${arrayLiteral(scope.map((change) => change.fromMonth))}::text[])
        as changed(area_id, from_month)
      where stored.area_id = changed.area_id and (changed.from_month is null or stored.month >= changed.from_month)`);
  }
  for (let start = 0; start < records.length; start += RECORD_BATCH) {
    const batch = records.slice(start, start + RECORD_BATCH);
    const arrays = columns.map(
      (column) => sql`${arrayLiteral(batch.map((record) => record[column.field]))}::${sql.raw(column.type)}[]`,
    );
    await db.execute(sql`insert into area_assessments (${sql.raw(columnList)}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/** What a portfolio row and the organisation summary read of one area's month. */
export interface MonthAssessmentRow {
  areaId: string;
  slug: string;
  name: string;
  month: string;
  ownershipIndex: number;
  centralisationIndex: number;
  revenueAttainment: number | null;
  driftState: AssessmentRow['driftState'];
  ownershipDelta: number | null;
  centralisationDelta: number | null;
  severity: AssessmentRow['severity'];
}

const monthFields = {
  month: areaAssessments.month,
  ownershipIndex: areaAssessments.ownershipIndex,
  centralisationIndex: areaAssessments.centralisationIndex,
  revenueAttainment: areaAssessments.revenueAttainment,
  driftState: areaAssessments.driftState,
  ownershipDelta: areaAssessments.ownershipDelta,
  centralisationDelta: areaAssessments.centralisationDelta,
  severity: areaAssessments.severity,
};

/**
 * The stored assessments of one month for every active area with figures then, by slug. Raw SQL
 * naming its columns as the rows' fields: the portfolio reads thousands of rows, and the query
 * builder's per-row mapping cost a third again of the query itself.
 */
export async function listMonthAssessments(db: Database, month: string): Promise<MonthAssessmentRow[]> {
  const result = await db.execute(sql`
    select areas.id as "areaId", areas.slug, areas.name, stored.month,
      stored.ownership_index as "ownershipIndex", stored.centralisation_index as "centralisationIndex",
      stored.revenue_attainment as "revenueAttainment", stored.drift_state as "driftState",
      stored.ownership_delta as "ownershipDelta", stored.centralisation_delta as "centralisationDelta", stored.severity
    from area_assessments stored join areas on areas.id = stored.area_id
    where stored.month = ${month} and areas.status = 'active'
    order by areas.slug`);
  return rowsOf<MonthAssessmentRow>(result);
}

export type AreaAssessmentPoint = Omit<MonthAssessmentRow, 'areaId' | 'slug' | 'name'>;

/** One area's stored assessments, oldest first. */
export async function listAreaAssessments(db: Database, areaId: string): Promise<AreaAssessmentPoint[]> {
  return db.select(monthFields).from(areaAssessments).where(eq(areaAssessments.areaId, areaId)).orderBy(asc(areaAssessments.month));
}

/** Every stored assessment of some areas (all when `areaIds` is undefined), by area and month: for checks, not for pages. */
export async function listStoredAssessments(db: Database, areaIds?: readonly string[]): Promise<AssessmentRow[]> {
  const where: SQL | undefined = areaIds ? sql`${areaAssessments.areaId} in ${areaIds.length > 0 ? areaIds : ['00000000-0000-0000-0000-000000000000']}` : undefined;
  return db.select().from(areaAssessments).where(where).orderBy(asc(areaAssessments.areaId), asc(areaAssessments.month));
}

/**
 * Every month with figures for an active area, newest first. It skips down the month index one
 * distinct month at a time (a loose index scan), so it costs a few probes per month, however
 * many areas there are.
 */
export async function listAssessedMonths(db: Database): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive months(month) as (
      (select month from area_assessments order by month desc limit 1)
      union all
      select (select next.month from area_assessments next where next.month < months.month order by next.month desc limit 1)
      from months where months.month is not null
    )
    select month from months
    -- A scalar probe per month, not EXISTS: with few months the planner turned EXISTS into a
    -- hash join over the whole table (20 ms at 1,000 areas × 36 months, against 1 ms).
    where month is not null and (
      select true from area_assessments stored join areas on areas.id = stored.area_id
      where stored.month = months.month and areas.status = 'active' limit 1
    )
    order by month desc`);
  return rowsOf<{ month: string }>(result).map((row) => row.month);
}


/** How many area months have figures and how many have a stored assessment: equal when the table is filled. */
export async function countAssessments(db: Database): Promise<{ figures: number; assessments: number }> {
  const result = await db.execute(
    sql`select (select count(*) from area_months)::int as figures, (select count(*) from area_assessments)::int as assessments`,
  );
  const [row] = rowsOf<{ figures: number; assessments: number }>(result);
  return { figures: Number(row?.figures ?? 0), assessments: Number(row?.assessments ?? 0) };
}
