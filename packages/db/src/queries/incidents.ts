import type { DataState, Episode, IncidentEvent, InheritedDecision, StoredIncident } from '@autonomy/domain';
import { and, asc, desc, eq, gt, inArray, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { rowsOf } from './rows.ts';
import { areaLeads, areas, incidentEvents, incidents, signals, users } from '../schema/index.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentEventRow = typeof incidentEvents.$inferSelect;
export type IncidentWithArea = IncidentRow & { areaSlug: string; areaName: string };

/** Every stored incident of these areas, whatever its status: the input of a recomputation (a row is a `StoredIncident`). */
export async function listIncidentsOfAreas(db: Database, areaIds: readonly string[]): Promise<(StoredIncident & IncidentRow)[]> {
  if (areaIds.length === 0) return [];
  return db.select().from(incidents).where(inArray(incidents.areaId, [...areaIds]));
}

/** What a recomputation found for a batch of areas, flattened across them. */
export interface IncidentWrites {
  create: { areaId: string; episode: Episode; inherited: InheritedDecision | null; state: DataState; events: IncidentEvent[] }[];
  update: { id: string; episode: Episode; state: DataState; events: IncidentEvent[] }[];
  clear: { id: string; event: IncidentEvent }[];
}

const drawing = (episode: Episode) => ({
  first_month: episode.firstMonth,
  latest_month: episode.latestMonth,
  months: episode.months.length,
  gaps: episode.gaps,
  peak_severity: episode.peakSeverity,
  current_severity: episode.currentSeverity,
});

// Each kind of write is one statement, its rows travelling as one JSON parameter, as signals do.
/** Writes a recomputation's incident changes and their history; then call `alignSignalsWithIncidents`. */
export async function writeIncidentChanges(db: Database, writes: IncidentWrites, now: Date): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  if (writes.create.length > 0) {
    const rows = writes.create.map(({ areaId, episode, inherited, state, events }) => ({
      area_id: areaId,
      kind: episode.kind,
      ...drawing(episode),
      status: state.status,
      status_reason: inherited?.reason ?? null,
      resolved_month: state.resolvedMonth,
      decided_severity: inherited?.severity ?? null,
      decided_through: inherited?.month ?? null,
      events: events.map((event, n) => ({ ...event, n })),
    }));
    // New incidents of one area and kind start in different months, which finds each one's events.
    await db.execute(sql`
      with r as (
        select * from json_to_recordset(${JSON.stringify(rows)}::json) as r(area_id uuid, kind finding_kind, first_month text,
          latest_month text, months integer, gaps jsonb, peak_severity severity, current_severity severity, status signal_status,
          status_reason text, resolved_month text, decided_severity severity, decided_through text, events json)
      ),
      inserted as (
        insert into incidents (area_id, kind, first_month, latest_month, months, gaps, peak_severity, current_severity, status,
          status_reason, resolved_month, decided_severity, decided_through, created_at, updated_at)
        select area_id, kind, first_month, latest_month, months, gaps, peak_severity, current_severity, status,
          status_reason, resolved_month, decided_severity, decided_through, ${at}, ${at} from r
        returning id, area_id, kind, first_month
      )
      insert into incident_events (incident_id, at, action, month, from_status, to_status, comment)
      select inserted.id, ${at}, e.action, e.month, e."fromStatus", e."toStatus", e.comment
      from inserted
      join r using (area_id, kind, first_month)
      cross join lateral json_to_recordset(r.events) as e(action text, month text, "fromStatus" signal_status,
        "toStatus" signal_status, comment text, n integer)
      order by inserted.id, e.n`);
  }
  if (writes.update.length > 0) {
    const rows = writes.update.map(({ id, episode, state }) => ({
      id,
      ...drawing(episode),
      status: state.status,
      resolved_month: state.resolvedMonth,
      escalated: state.escalated,
    }));
    await db.execute(sql`
      update incidents set
        first_month = r.first_month, latest_month = r.latest_month, months = r.months, gaps = r.gaps,
        peak_severity = r.peak_severity, current_severity = r.current_severity,
        status = r.status, resolved_month = r.resolved_month, escalated = r.escalated,
        status_reason = case when r.status = incidents.status then incidents.status_reason else null end,
        version = incidents.version + 1, updated_at = ${at}
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, first_month text, latest_month text, months integer,
        gaps jsonb, peak_severity severity, current_severity severity, status signal_status, resolved_month text, escalated boolean)
      where incidents.id = r.id`);
  }
  if (writes.clear.length > 0) {
    await db
      .update(incidents)
      .set({ status: 'cleared', statusReason: null, updatedAt: now, version: sql`${incidents.version} + 1` })
      .where(inArray(incidents.id, writes.clear.map((clear) => clear.id)));
  }
  const events = [
    ...writes.update.flatMap(({ id, events }) => events.map((event) => ({ id, ...event }))),
    ...writes.clear.map(({ id, event }) => ({ id, ...event })),
  ];
  if (events.length > 0) await insertDataEvents(db, events, now);
}

async function insertDataEvents(db: Database, events: (IncidentEvent & { id: string })[], now: Date): Promise<void> {
  await db.execute(sql`
    insert into incident_events (incident_id, at, action, month, from_status, to_status, comment)
    select r.id, ${now.toISOString()}::timestamptz, r.action, r.month, r."fromStatus", r."toStatus", r.comment
    from json_to_recordset(${JSON.stringify(events.map((event, n) => ({ ...event, n })))}::json) as r(id uuid, action text, month text,
      "fromStatus" signal_status, "toStatus" signal_status, comment text, n integer)
    order by r.n`);
}

/**
 * Gives each month's signal of these areas its incident and the incident's status and reason, in
 * one statement, touching only rows that differ: the per-month view (`GET /signals?month=`) then
 * reads a month's rows and shows the incident's decision. A month the data cleared keeps 'cleared'.
 */
export async function alignSignalsWithIncidents(db: Database, areaIds: readonly string[], now: Date): Promise<void> {
  if (areaIds.length === 0) return;
  await db.execute(sql`
    update signals s set
      incident_id = i.id, status = i.status, status_reason = i.status_reason,
      version = s.version + 1, updated_at = ${now.toISOString()}::timestamptz
    from incidents i
    where s.area_id in (select json_array_elements_text(${JSON.stringify(areaIds)}::json)::uuid)
      and i.area_id = s.area_id and i.kind = s.kind and s.month between i.first_month and i.latest_month
      and i.status <> 'cleared' and s.status <> 'cleared'
      and (s.incident_id is distinct from i.id or s.status <> i.status or s.status_reason is distinct from i.status_reason)`);
}

export interface IncidentFilter {
  /** `unresolved`: open, acknowledged or dismissed; a status: that one. Cleared incidents are never listed. */
  status?: 'unresolved' | 'open' | 'acknowledged' | 'dismissed' | 'resolved';
  severity?: IncidentRow['currentSeverity'];
  kind?: IncidentRow['kind'];
  areaSlug?: string;
  /** Incidents of areas this user leads. */
  leadId?: string;
  /** Position of the last incident of the previous page. */
  after?: { severity: IncidentRow['currentSeverity']; firstMonth: string; id: string };
  limit: number;
}

const withArea = { incident: incidents, areaSlug: areas.slug, areaName: areas.name };
const flatten = (row: { incident: IncidentRow; areaSlug: string; areaName: string }): IncidentWithArea => ({
  ...row.incident,
  areaSlug: row.areaSlug,
  areaName: row.areaName,
});

/** Incidents of active areas, most severe first (the enum's order), then oldest, then by id for a stable cursor. */
export async function listIncidents(db: Database, filter: IncidentFilter): Promise<IncidentWithArea[]> {
  const { after } = filter;
  const conditions: (SQL | undefined)[] = [
    eq(areas.status, 'active'),
    ne(incidents.status, 'cleared'),
    filter.status === 'unresolved'
      ? inArray(incidents.status, ['open', 'acknowledged', 'dismissed'])
      : filter.status
        ? eq(incidents.status, filter.status)
        : undefined,
    filter.severity ? eq(incidents.currentSeverity, filter.severity) : undefined,
    filter.kind ? eq(incidents.kind, filter.kind) : undefined,
    filter.areaSlug ? eq(areas.slug, filter.areaSlug) : undefined,
    filter.leadId
      ? inArray(incidents.areaId, db.select({ id: areaLeads.areaId }).from(areaLeads).where(eq(areaLeads.userId, filter.leadId)))
      : undefined,
    after
      ? or(
          lt(incidents.currentSeverity, after.severity),
          and(eq(incidents.currentSeverity, after.severity), gt(incidents.firstMonth, after.firstMonth)),
          and(eq(incidents.currentSeverity, after.severity), eq(incidents.firstMonth, after.firstMonth), gt(incidents.id, after.id)),
        )
      : undefined,
  ];
  const rows = await db
    .select(withArea)
    .from(incidents)
    .innerJoin(areas, eq(areas.id, incidents.areaId))
    .where(and(...conditions))
    .orderBy(desc(incidents.currentSeverity), asc(incidents.firstMonth), asc(incidents.id))
    .limit(filter.limit);
  return rows.map(flatten);
}

export async function getIncident(db: Database, id: string): Promise<IncidentWithArea | undefined> {
  const [row] = await db.select(withArea).from(incidents).innerJoin(areas, eq(areas.id, incidents.areaId)).where(eq(incidents.id, id));
  return row ? flatten(row) : undefined;
}

/** Several incidents by id (a bulk decision), with their areas; missing ids are simply absent. */
export async function getIncidents(db: Database, ids: readonly string[]): Promise<IncidentWithArea[]> {
  if (ids.length === 0) return [];
  const rows = await db.select(withArea).from(incidents).innerJoin(areas, eq(areas.id, incidents.areaId)).where(inArray(incidents.id, [...ids]));
  return rows.map(flatten);
}

export type IncidentMonthRow = Pick<
  typeof signals.$inferSelect,
  'id' | 'month' | 'severity' | 'ownershipDelta' | 'centralisationDelta' | 'explanation' | 'contributions'
>;

/** An incident's months, each with that month's severity, deltas and explanation, oldest first. */
export async function listIncidentMonths(db: Database, incidentId: string): Promise<IncidentMonthRow[]> {
  return db
    .select({
      id: signals.id,
      month: signals.month,
      severity: signals.severity,
      ownershipDelta: signals.ownershipDelta,
      centralisationDelta: signals.centralisationDelta,
      explanation: signals.explanation,
      contributions: signals.contributions,
    })
    .from(signals)
    .where(and(eq(signals.incidentId, incidentId), ne(signals.status, 'cleared')))
    .orderBy(asc(signals.month));
}

export async function listIncidentEvents(db: Database, incidentId: string): Promise<IncidentEventRow[]> {
  return db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, incidentId)).orderBy(asc(incidentEvents.id));
}

export interface IncidentActor {
  id: string;
  email: string;
  name: string;
}

/** A person's decision on one incident, as the service settled it. */
export interface IncidentDecision {
  id: string;
  from: IncidentRow['status'];
  to: 'open' | 'acknowledged' | 'dismissed' | 'resolved';
  reason: string | null;
  snoozedUntil: string | null;
  /** What it was decided on: the incident's current severity and latest month. */
  severity: IncidentRow['currentSeverity'];
  through: string;
  expectedVersion?: number;
}

/**
 * Records people's decisions, each only if the incident is still at `expectedVersion` (when
 * given); returns the ids recorded. The months' signals follow in the same statement's wake
 * (`alignSignalsWithIncidents` on their areas).
 */
export async function decideIncidents(db: Database, decisions: readonly IncidentDecision[], actor: IncidentActor, now: Date): Promise<string[]> {
  if (decisions.length === 0) return [];
  const rows = decisions.map((decision) => ({
    id: decision.id,
    status: decision.to,
    reason: decision.reason,
    snoozed_until: decision.snoozedUntil,
    severity: decision.severity,
    through: decision.through,
    expected_version: decision.expectedVersion ?? null,
  }));
  const updated = await db.execute(sql`
    update incidents set
      status = r.status, status_reason = r.reason, snoozed_until = r.snoozed_until,
      decided_severity = r.severity, decided_through = r.through, escalated = false,
      version = incidents.version + 1, updated_at = ${now.toISOString()}::timestamptz
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(id uuid, status signal_status, reason text, snoozed_until text,
      severity severity, through text, expected_version integer)
    where incidents.id = r.id and (r.expected_version is null or incidents.version = r.expected_version)
    returning incidents.id`);
  const recorded = new Set(rowsOf<{ id: string }>(updated).map((row) => row.id));
  const events = decisions
    .filter((decision) => recorded.has(decision.id))
    .map((decision) => ({
      incidentId: decision.id,
      at: now,
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      action: decision.to === 'open' ? 'reopened' : decision.snoozedUntil ? `dismissed until ${decision.snoozedUntil}` : decision.to,
      fromStatus: decision.from,
      toStatus: decision.to,
      comment: decision.reason,
    }));
  if (events.length > 0) await db.insert(incidentEvents).values(events);
  return [...recorded];
}

/** A comment on an incident: context from an area's lead, or an executive's note. Changes no status. */
export async function addIncidentComment(
  db: Database,
  incident: Pick<IncidentRow, 'id' | 'status'>,
  text: string,
  actor: IncidentActor,
  now: Date,
): Promise<IncidentEventRow> {
  const [row] = await db
    .insert(incidentEvents)
    .values({
      incidentId: incident.id,
      at: now,
      actorId: actor.id,
      actorEmail: actor.email,
      actorName: actor.name,
      action: 'commented',
      fromStatus: incident.status,
      toStatus: incident.status,
      comment: text,
    })
    .returning();
  return row!;
}

/** The names of each area's leads, for a list of incidents. */
export async function listLeadNames(db: Database, areaIds: readonly string[]): Promise<Map<string, string[]>> {
  const byArea = new Map<string, string[]>();
  if (areaIds.length === 0) return byArea;
  const rows = await db
    .select({ areaId: areaLeads.areaId, name: users.name })
    .from(areaLeads)
    .innerJoin(users, eq(users.id, areaLeads.userId))
    .where(inArray(areaLeads.areaId, [...new Set(areaIds)]))
    .orderBy(asc(users.name));
  for (const { areaId, name } of rows) byArea.set(areaId, [...(byArea.get(areaId) ?? []), name]);
  return byArea;
}

