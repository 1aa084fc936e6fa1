import { and, asc, desc, eq, gt, gte, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { areas, signalEvents, signals } from '../schema/index.ts';

export type SignalRow = typeof signals.$inferSelect;
export type SignalStatus = SignalRow['status'];
export type Severity = SignalRow['severity'];
export type NewSignal = Pick<
  typeof signals.$inferInsert,
  'kind' | 'areaId' | 'month' | 'severity' | 'ownershipDelta' | 'centralisationDelta' | 'explanation' | 'contributions'
>;
export type SignalValues = Omit<NewSignal, 'kind' | 'areaId' | 'month'>;
export type SignalWithArea = SignalRow & { areaSlug: string; areaName: string };

export interface SignalEventActor {
  id: string;
  email: string;
  name: string;
}

const withArea = { signal: signals, areaSlug: areas.slug, areaName: areas.name };
const flatten = (row: { signal: SignalRow; areaSlug: string; areaName: string }): SignalWithArea => ({
  ...row.signal,
  areaSlug: row.areaSlug,
  areaName: row.areaName,
});

/** Every stored signal of these areas, whatever its status (from `fromMonth` on, when given): the input of a recomputation. */
export async function listSignalsOfAreas(db: Database, areaIds: readonly string[], fromMonth?: string): Promise<SignalRow[]> {
  if (areaIds.length === 0) return [];
  return db
    .select()
    .from(signals)
    .where(and(inArray(signals.areaId, [...areaIds]), fromMonth === undefined ? undefined : gte(signals.month, fromMonth)));
}

// Each batch travels as one JSON parameter (json_to_recordset): a statement per signal, or the
// query builder's parameter per value, made a reassessment that touched thousands of signals slow.
const SIGNAL_BATCH = 2000;

/** Inserts new signals as open and records that the data raised them. */
export async function raiseSignals(db: Database, raised: readonly NewSignal[], now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`; // postgres.js takes no Date in a raw statement
  for (let start = 0; start < raised.length; start += SIGNAL_BATCH) {
    const batch = raised.slice(start, start + SIGNAL_BATCH).map((signal) => ({
      area_id: signal.areaId,
      kind: signal.kind,
      month: signal.month,
      severity: signal.severity,
      ownership_delta: signal.ownershipDelta ?? null,
      centralisation_delta: signal.centralisationDelta ?? null,
      explanation: signal.explanation,
      contributions: signal.contributions ?? [],
    }));
    await db.execute(sql`
      with inserted as (
        insert into signals (area_id, kind, month, severity, ownership_delta, centralisation_delta, explanation, contributions, created_at, updated_at)
        select r.area_id, r.kind, r.month, r.severity, r.ownership_delta, r.centralisation_delta, r.explanation, r.contributions, ${at}, ${at}
        from json_to_recordset(${JSON.stringify(batch)}::json) as r(area_id uuid, kind finding_kind, month text, severity severity,
          ownership_delta double precision, centralisation_delta double precision, explanation jsonb, contributions jsonb)
        returning id
      )
      insert into signal_events (signal_id, at, action, from_status, to_status)
      select id, ${at}, 'raised', null, 'open' from inserted`);
  }
}

/** New values for a signal that still holds; `reopen` when the data had cleared it before. */
export interface SignalRefresh {
  id: string;
  values: SignalValues;
  reopen: boolean;
  previousStatus: SignalStatus;
  previousSeverity: Severity;
}

/**
 * Writes new values for signals that still hold, in bulk. A new severity is a new version too: a
 * decision taken on the old one is then refused (412), so it is taken again on what the finding
 * now says. A reopened signal goes back to open, and its history says the data reopened it.
 */
export async function refreshSignals(db: Database, refreshes: readonly SignalRefresh[], now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  for (let start = 0; start < refreshes.length; start += SIGNAL_BATCH) {
    const batch = refreshes.slice(start, start + SIGNAL_BATCH).map((change) => ({
      id: change.id,
      severity: change.values.severity,
      ownership_delta: change.values.ownershipDelta ?? null,
      centralisation_delta: change.values.centralisationDelta ?? null,
      explanation: change.values.explanation,
      contributions: change.values.contributions ?? [],
      reopen: change.reopen,
      new_version: change.reopen || change.values.severity !== change.previousSeverity,
      previous_status: change.previousStatus,
    }));
    await db.execute(sql`
      with changes as (
        select * from json_to_recordset(${JSON.stringify(batch)}::json) as r(id uuid, severity severity,
          ownership_delta double precision, centralisation_delta double precision, explanation jsonb, contributions jsonb,
          reopen boolean, new_version boolean, previous_status signal_status)
      ),
      updated as (
        update signals set
          severity = changes.severity,
          ownership_delta = changes.ownership_delta,
          centralisation_delta = changes.centralisation_delta,
          explanation = changes.explanation,
          contributions = changes.contributions,
          updated_at = ${at},
          status = case when changes.reopen then 'open'::signal_status else signals.status end,
          status_reason = case when changes.reopen then null else signals.status_reason end,
          version = signals.version + case when changes.new_version then 1 else 0 end
        from changes where signals.id = changes.id
        returning signals.id
      )
      insert into signal_events (signal_id, at, action, from_status, to_status)
      select changes.id, ${at}, 'reopened by data', changes.previous_status, 'open'
      from changes where changes.reopen and exists (select 1 from updated where updated.id = changes.id)`);
  }
}

/** Closes signals whose finding no longer holds. They are kept, with their history. */
export async function clearSignals(
  db: Database,
  cleared: readonly { id: string; status: SignalStatus }[],
  now: Date,
): Promise<void> {
  if (cleared.length === 0) return;
  for (let start = 0; start < cleared.length; start += SIGNAL_BATCH) {
    const batch = cleared.slice(start, start + SIGNAL_BATCH);
    await db
      .update(signals)
      .set({ status: 'cleared', statusReason: 'cleared by data', updatedAt: now, version: sql`${signals.version} + 1` })
      .where(inArray(signals.id, batch.map((signal) => signal.id)));
    await db.insert(signalEvents).values(
      batch.map((signal) => ({
        signalId: signal.id,
        at: now,
        action: 'cleared by data',
        fromStatus: signal.status,
        toStatus: 'cleared' as const,
      })),
    );
  }
}

export interface SignalFilter {
  month?: string;
  areaSlug?: string;
  severity?: SignalRow['severity'];
  status?: SignalStatus;
  kind?: SignalRow['kind'];
  /** Position of the last signal of the previous page. */
  after?: { month: string; id: string };
  limit: number;
}

/** Signals of active areas, newest month first, then by id for a stable cursor. */
export async function listSignals(db: Database, filter: SignalFilter): Promise<SignalWithArea[]> {
  const conditions: (SQL | undefined)[] = [
    eq(areas.status, 'active'),
    filter.month ? eq(signals.month, filter.month) : undefined,
    filter.areaSlug ? eq(areas.slug, filter.areaSlug) : undefined,
    filter.severity ? eq(signals.severity, filter.severity) : undefined,
    filter.status ? eq(signals.status, filter.status) : undefined,
    filter.kind ? eq(signals.kind, filter.kind) : undefined,
    filter.after
      ? or(lt(signals.month, filter.after.month), and(eq(signals.month, filter.after.month), gt(signals.id, filter.after.id)))
      : undefined,
  ];
  const rows = await db
    .select(withArea)
    .from(signals)
    .innerJoin(areas, eq(areas.id, signals.areaId))
    .where(and(...conditions))
    .orderBy(desc(signals.month), asc(signals.id))
    .limit(filter.limit);
  return rows.map(flatten);
}

export async function getSignal(db: Database, id: string): Promise<SignalWithArea | undefined> {
  const [row] = await db.select(withArea).from(signals).innerJoin(areas, eq(areas.id, signals.areaId)).where(eq(signals.id, id));
  return row ? flatten(row) : undefined;
}

/**
 * A person's decision on a signal, kept in its history. With `expectedVersion`, only if nobody
 * (and no recomputation) changed the status since; returns whether it was recorded.
 */
export async function setSignalStatus(
  db: Database,
  change: { id: string; from: SignalStatus; to: SignalStatus; reason: string | null; actor: SignalEventActor; expectedVersion?: number },
  now: Date,
): Promise<boolean> {
  const updated = await db
    .update(signals)
    .set({ status: change.to, statusReason: change.reason, updatedAt: now, version: sql`${signals.version} + 1` })
    .where(and(eq(signals.id, change.id), change.expectedVersion === undefined ? undefined : eq(signals.version, change.expectedVersion)))
    .returning({ id: signals.id });
  if (updated.length === 0) return false;
  await db.insert(signalEvents).values({
    signalId: change.id,
    at: now,
    actorId: change.actor.id,
    actorEmail: change.actor.email,
    actorName: change.actor.name,
    action: change.to === 'open' ? 'reopened' : change.to,
    fromStatus: change.from,
    toStatus: change.to,
    comment: change.reason,
  });
  return true;
}

export type SignalEventRow = typeof signalEvents.$inferSelect;

export async function listSignalEvents(db: Database, signalId: string): Promise<SignalEventRow[]> {
  return db.select().from(signalEvents).where(eq(signalEvents.signalId, signalId)).orderBy(asc(signalEvents.id));
}
