import { setImmediate } from 'node:timers/promises';
import type { AreaMonthFigures } from '@autonomy/contracts';
import type { MonthlyFigures } from '@autonomy/domain';
import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from './rows.ts';
import { areaMonths, areas, nextAreaMonthVersion } from '../schema/index.ts';
import { lockAreas } from './areas.ts';
import { TARGET_REASON_BY_SOURCE } from './targets.ts';

export type AreaMonthRow = typeof areaMonths.$inferSelect;

const figureColumns = {
  revenueTarget: areaMonths.revenueTarget,
  revenueActual: areaMonths.revenueActual,
  marketingDedicatedFte: areaMonths.marketingDedicatedFte,
  marketingSharedFte: areaMonths.marketingSharedFte,
  salesDedicatedFte: areaMonths.salesDedicatedFte,
  salesSharedFte: areaMonths.salesSharedFte,
  hiresTotal: areaMonths.hiresTotal,
  hiresLeadOwned: areaMonths.hiresLeadOwned,
  decisionsTotal: areaMonths.decisionsTotal,
  decisionsCentral: areaMonths.decisionsCentral,
  sharedServiceDependencies: areaMonths.sharedServiceDependencies,
  mandatoryProcesses: areaMonths.mandatoryProcesses,
  approvalLatencyDays: areaMonths.approvalLatencyDays,
  targetOwner: areaMonths.targetOwner,
};

export async function getAreaMonth(db: Database, areaId: string, month: string): Promise<AreaMonthRow | undefined> {
  const [row] = await db
    .select()
    .from(areaMonths)
    .where(and(eq(areaMonths.areaId, areaId), eq(areaMonths.month, month)));
  return row;
}

/**
 * Removes one area month, only if it is still at `expectedVersion` (one statement, as for a
 * write); returns the removed row, or undefined when it had changed or gone meanwhile.
 */
export async function deleteAreaMonth(
  db: Database,
  target: { areaId: string; month: string; expectedVersion: number },
): Promise<AreaMonthRow | undefined> {
  const [row] = await db
    .delete(areaMonths)
    .where(
      and(eq(areaMonths.areaId, target.areaId), eq(areaMonths.month, target.month), eq(areaMonths.version, target.expectedVersion)),
    )
    .returning();
  return row;
}

export type PutAreaMonthResult =
  | { outcome: 'created' | 'updated'; row: AreaMonthRow }
  | { outcome: 'version_mismatch' };

/**
 * Writes one area month. With `expectedVersion` the write only happens if nobody changed the row
 * since that version was read: the check and the write are one statement, so of several concurrent
 * writers holding the same version exactly one wins.
 */
export async function putAreaMonth(
  db: Database,
  write: {
    areaId: string;
    month: string;
    figures: AreaMonthFigures;
    userId: string;
    expectedVersion?: number;
    /** Only create: of several writers adding the same month, the first wins and the rest mismatch. */
    createOnly?: boolean;
  },
): Promise<PutAreaMonthResult> {
  const { areaId, month, figures, userId, expectedVersion, createOnly } = write;
  if (expectedVersion !== undefined) {
    const [row] = await db
      .update(areaMonths)
      .set({ ...figures, updatedBy: userId, updatedAt: new Date(), version: nextAreaMonthVersion })
      .where(and(eq(areaMonths.areaId, areaId), eq(areaMonths.month, month), eq(areaMonths.version, expectedVersion)))
      .returning();
    return row ? { outcome: 'updated', row } : { outcome: 'version_mismatch' };
  }
  if (createOnly) {
    const [row] = await db
      .insert(areaMonths)
      .values({ areaId, month, ...figures, updatedBy: userId })
      .onConflictDoNothing({ target: [areaMonths.areaId, areaMonths.month] })
      .returning();
    return row ? { outcome: 'created', row } : { outcome: 'version_mismatch' };
  }
  const [written] = await db
    .insert(areaMonths)
    .values({ areaId, month, ...figures, updatedBy: userId })
    .onConflictDoUpdate({
      target: [areaMonths.areaId, areaMonths.month],
      set: { ...figures, updatedBy: userId, updatedAt: new Date(), version: nextAreaMonthVersion },
    })
    // A row version made by this very insert has no deleting transaction (xmax 0); an update's has.
    .returning({ ...getTableColumns(areaMonths), inserted: sql<boolean>`(xmax = 0)` });
  if (!written) throw new Error('upserting an area month returned no row');
  const { inserted, ...row } = written;
  return { outcome: inserted ? 'created' : 'updated', row };
}

export interface AreaFiguresRow extends AreaMonthFigures {
  areaId: string;
  areaSlug: string;
  areaName: string;
  areaStatus: 'active' | 'archived';
  month: string;
}

/** Figures up to and including `upToMonth`, by area then month: the input of the index rules. */
export async function listAreaFigures(
  db: Database,
  filter: {
    fromMonth?: string;
    upToMonth?: string;
    areaId?: string;
    areaIds?: readonly string[];
    areaSlugs?: readonly string[];
    status?: 'active' | 'archived';
  } = {},
): Promise<AreaFiguresRow[]> {
  return db
    .select({
      areaId: areas.id,
      areaSlug: areas.slug,
      areaName: areas.name,
      areaStatus: areas.status,
      month: areaMonths.month,
      ...figureColumns,
    })
    .from(areaMonths)
    .innerJoin(areas, eq(areas.id, areaMonths.areaId))
    .where(
      and(
        filter.fromMonth ? gte(areaMonths.month, filter.fromMonth) : undefined,
        filter.upToMonth ? lte(areaMonths.month, filter.upToMonth) : undefined,
        filter.areaId ? eq(areas.id, filter.areaId) : undefined,
        filter.areaIds ? inArray(areas.id, [...filter.areaIds]) : undefined,
        filter.areaSlugs ? inArray(areas.slug, [...filter.areaSlugs]) : undefined,
        filter.status ? eq(areas.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(areas.slug), asc(areaMonths.month));
}

/** One area month's figures as the rules read them. */
export type AssessableFigures = MonthlyFigures & { areaId: string };

/**
 * The figures of some areas, by area id then month: the input of a reassessment, read lean (no
 * area names, no per-row mapping) because a settings change reads every area month there is.
 */
export async function listAssessableFigures(db: Database, areaIds: readonly string[]): Promise<AssessableFigures[]> {
  if (areaIds.length === 0) return [];
  const result = await db.execute(sql`
    select ${assessableColumns} from area_months
    where area_id = any(${`{${areaIds.join(',')}}`}::uuid[])
    order by area_id, month`);
  return rowsOf<AssessableFigures>(result);
}

/** Every month that has figures for an area of the given status, newest first. */
export async function listMonthsWithFigures(db: Database, status: 'active' | 'archived' = 'active'): Promise<string[]> {
  const rows = await db
    .selectDistinct({ month: areaMonths.month })
    .from(areaMonths)
    .innerJoin(areas, eq(areas.id, areaMonths.areaId))
    .where(eq(areas.status, status))
    .orderBy(desc(areaMonths.month));
  return rows.map((row) => row.month);
}

export interface ImportRow extends AreaMonthFigures {
  areaSlug: string;
  areaName: string;
  month: string;
}

export interface ImportOutcome {
  /** Every area the file touched, by slug, for reassessing them. */
  areaIdsBySlug: ReadonlyMap<string, string>;
  /** Their names as stored (a file's area_name names only the areas it creates). */
  areaNamesBySlug: ReadonlyMap<string, string>;
  areasCreated: number;
  /** The slugs of the areas the file created, in the order they were created. */
  createdAreaSlugs: string[];
  monthsCreated: number;
  monthsUpdated: number;
  /** Rows that held the values already stored: nothing was written for them, no version moved. */
  monthsUnchanged: number;
  /** Each area whose figures the file changed, from its earliest changed month (area id → month). */
  changedFrom: ReadonlyMap<string, string>;
  /** Replaced months whose revenue target the file changed; each is in the target history. */
  targetsChanged: number;
}

// Each batch travels as one JSON parameter: building a 17-column insert with drizzle's query
// builder costs ~0.2 ms a row, which would make a 100,000-row import take most of a minute.
const IMPORT_BATCH_ROWS = 5000;
const AREA_BATCH_ROWS = 1000;

const figureFields = Object.keys(figureColumns) as (keyof typeof figureColumns)[];
const figureColumnNames = figureFields.map((field) => [field, toColumnName(field)] as const);

// numeric → float8 in the server is the same nearest double as Number() of its text, and arrives
// as a number; the names come back as the rules spell them.
const assessableColumns = sql.raw(
  ['area_id as "areaId"', 'month', ...figureFields.map((field) => {
    const column = toColumnName(field);
    const type = figureColumns[field].getSQLType();
    return `${type.startsWith('numeric') ? `${column}::float8` : column} as "${field}"`;
  })].join(', '),
);

const recordColumns = [
  'area_id uuid',
  'month text',
  ...figureFields.map((field) => `${toColumnName(field)} ${field === 'targetOwner' ? 'target_owner' : figureColumns[field].getSQLType()}`),
  'updated_by uuid',
].join(', ');
const insertColumns = ['area_id', 'month', ...figureFields.map(toColumnName), 'updated_by'].join(', ');
const replaceColumns = [...figureFields.map(toColumnName), 'updated_by']
  .map((column) => `${column} = excluded.${column}`)
  .join(', ');
// A row is replaced only when a figure differs: numerically, so 1.5 and 1.50 are the same.
const figuresDiffer = `(${figureFields.map((field) => `area_months.${toColumnName(field)}`).join(', ')}) is distinct from (${figureFields
  .map((field) => `excluded.${toColumnName(field)}`)
  .join(', ')})`;

/**
 * Writes imported rows: creates the areas that do not exist yet, then inserts or replaces each
 * area month. Callers run it inside a transaction so a file lands whole or not at all.
 */
export async function importAreaMonths(
  db: Database,
  rows: readonly ImportRow[],
  userId: string,
  /** Called after each batch with the rows written so far. */
  onProgress?: (rowsWritten: number) => void,
): Promise<ImportOutcome> {
  const namesBySlug = new Map<string, string>();
  for (const row of rows) if (!namesBySlug.has(row.areaSlug)) namesBySlug.set(row.areaSlug, row.areaName);
  const slugs = [...namesBySlug.keys()];

  const createdAreaSlugs: string[] = [];
  const idsBySlug = new Map<string, string>();
  const namesOfAreas = new Map<string, string>();
  for (let start = 0; start < slugs.length; start += AREA_BATCH_ROWS) {
    const batch = slugs.slice(start, start + AREA_BATCH_ROWS);
    const created = await db
      .insert(areas)
      .values(batch.map((slug) => ({ slug, name: namesBySlug.get(slug) ?? slug })))
      .onConflictDoNothing({ target: areas.slug })
      .returning({ slug: areas.slug });
    createdAreaSlugs.push(...created.map((area) => area.slug));
    const found = await db.select({ id: areas.id, slug: areas.slug, name: areas.name }).from(areas).where(inArray(areas.slug, batch));
    for (const area of found) {
      idsBySlug.set(area.slug, area.id);
      namesOfAreas.set(area.slug, area.name);
    }
  }

  await lockAreas(db, [...idsBySlug.values()]);
  let monthsCreated = 0;
  let monthsUpdated = 0;
  let targetsChanged = 0;
  const changedFrom = new Map<string, string>();
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_ROWS) {
    const records = rows.slice(start, start + IMPORT_BATCH_ROWS).map((row) => {
      const areaId = idsBySlug.get(row.areaSlug);
      if (!areaId) throw new Error(`area ${row.areaSlug} vanished during the import`);
      const record: Record<string, unknown> = { area_id: areaId, month: row.month, updated_by: userId };
      for (const [field, column] of figureColumnNames) record[column] = row[field];
      return record;
    });
    // Every statement of the query sees the rows as they were before it, so `replaced` holds each
    // month's target until now — the one its figures had, or for a new month the one planned for it
    // (the latest change covering it); those that differ go into the target history.
    const result = await db.execute(sql`
      with incoming as (
        select * from json_to_recordset(${JSON.stringify(records)}::json) as r(${sql.raw(recordColumns)})
      ),
      replaced as (
        select existing.area_id, existing.month, existing.revenue_target
        from area_months existing join incoming using (area_id, month)
        union all
        select incoming.area_id, incoming.month, planned.revenue_target
        from incoming
        cross join lateral (
          select change.revenue_target from target_changes change
          where change.area_id = incoming.area_id and incoming.month between change.from_month and change.to_month
          order by change.id desc limit 1
        ) planned
        where not exists (
          select 1 from area_months existing where existing.area_id = incoming.area_id and existing.month = incoming.month
        )
      ),
      written as (
        insert into area_months (${sql.raw(insertColumns)})
        select ${sql.raw(insertColumns)} from incoming
        on conflict (area_id, month) do update set ${sql.raw(replaceColumns)},
          updated_at = now(), version = nextval('area_month_versions')
          where ${sql.raw(figuresDiffer)}
        returning area_id, month, (xmax = 0) as inserted
      ),
      retargeted as (
        insert into target_changes
          (area_id, from_month, to_month, revenue_target, reason, source, previous, actor_id, actor_email, actor_name)
        select incoming.area_id, incoming.month, incoming.month, incoming.revenue_target, ${TARGET_REASON_BY_SOURCE.import}, 'import',
          jsonb_build_array(jsonb_build_object('month', replaced.month, 'revenueTarget', replaced.revenue_target)),
          actor.id, actor.email, actor.name
        from incoming join replaced using (area_id, month) join users actor on actor.id = incoming.updated_by
        where replaced.revenue_target <> incoming.revenue_target
        returning 1
      )
      select area_id as "areaId", min(month) as "fromMonth",
        count(*) filter (where inserted)::int as created, count(*) filter (where not inserted)::int as updated,
        (select count(*) from retargeted)::int as retargeted
      from written group by area_id`);
    const changed = rowsOf<{ areaId: string; fromMonth: string; created: number; updated: number; retargeted: number }>(result);
    for (const area of changed) {
      monthsCreated += Number(area.created);
      monthsUpdated += Number(area.updated);
      const known = changedFrom.get(area.areaId);
      if (known === undefined || area.fromMonth < known) changedFrom.set(area.areaId, area.fromMonth);
    }
    // Every group carries the batch's count of target changes; a batch that changed nothing has no group, and no change.
    targetsChanged += Number(changed[0]?.retargeted ?? 0);
    onProgress?.(Math.min(start + IMPORT_BATCH_ROWS, rows.length));
    // On PGlite every statement runs on this thread, and awaiting it never leaves the microtask
    // queue: give other requests (and sockets' timers) a turn between batches.
    await setImmediate();
  }
  return {
    areaIdsBySlug: idsBySlug,
    areaNamesBySlug: namesOfAreas,
    areasCreated: createdAreaSlugs.length,
    createdAreaSlugs,
    monthsCreated,
    monthsUpdated,
    monthsUnchanged: rows.length - monthsCreated - monthsUpdated,
    changedFrom,
    targetsChanged,
  };
}


function toColumnName(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
