import type { DecideIncident, Incident, IncidentDetail, IncidentEvent as IncidentEventShown, SignalEvent } from '@autonomy/contracts';
import {
  addIncidentComment,
  alignSignalsWithIncidents,
  type AuditActor,
  type Database,
  decideIncidents,
  getIncident,
  getIncidents,
  type IncidentDecision,
  type IncidentEventRow,
  type IncidentWithArea,
  type IncidentWrites,
  listIncidentEvents,
  listIncidentMonths,
  listIncidentsOfAreas,
  listLeadNames,
  lockAreas,
  recordAuditEvent,
  type SignalEventRow,
  type SignalRow,
  writeIncidentChanges,
} from '@autonomy/db';
import { type Episode, type InheritedDecision, reconcileIncidents } from '@autonomy/domain';
import { ApiError } from '../errors/problem.ts';
import { holdSettingsSteady } from './assessments.ts';
import { staleEtag } from '../routes/etag.ts';

/** An area's incidents as its data draws them now (`findEpisodes`), with the signals stored before this recompute. */
export interface AreaEpisodes {
  areaId: string;
  episodes: Episode[];
  /** The area's stored signals as they were before this recompute: decisions a new incident may inherit. */
  storedSignals: readonly SignalRow[];
}

/**
 * Brings the stored incidents of some areas in line with what their data draws, keeping people's
 * decisions as the rules say (domain `reconcileIncidents`), then gives each month's signal its
 * incident and status. Called by `reassess` after the signals of the same areas were reconciled,
 * in the transaction that changed the figures. Returns how many incidents it wrote.
 */
export async function reconcileAreaIncidents(db: Database, areas: readonly AreaEpisodes[], signalsChanged: boolean, now: Date): Promise<number> {
  if (areas.length === 0) return 0;
  const areaIds = areas.map((area) => area.areaId);
  const storedByArea = new Map<string, Awaited<ReturnType<typeof listIncidentsOfAreas>>>();
  for (const incident of await listIncidentsOfAreas(db, areaIds)) {
    storedByArea.set(incident.areaId, [...(storedByArea.get(incident.areaId) ?? []), incident]);
  }
  const writes: IncidentWrites = { create: [], update: [], clear: [] };
  for (const { areaId, episodes, storedSignals } of areas) {
    const changes = reconcileIncidents(storedByArea.get(areaId) ?? [], episodes, (episode) => inheritedDecision(episode, storedSignals));
    writes.create.push(...changes.create.map((created) => ({ areaId, ...created })));
    writes.update.push(...changes.update);
    writes.clear.push(...changes.clear);
  }
  const written = writes.create.length + writes.update.length + writes.clear.length;
  if (written > 0) await writeIncidentChanges(db, writes, now);
  if (written > 0 || signalsChanged) await alignSignalsWithIncidents(db, areaIds, now);
  return written;
}

/**
 * The decision people took on an episode's months before it was an incident of its own: on the
 * first start after upgrading (signals were decided month by month), or when a clear month cut
 * an incident in two. The latest decided month speaks for the episode.
 */
function inheritedDecision(episode: Episode, storedSignals: readonly SignalRow[]): InheritedDecision | null {
  const months = new Set(episode.months.map(({ month }) => month));
  let latest: SignalRow | undefined;
  for (const signal of storedSignals) {
    if (signal.kind !== episode.kind || !months.has(signal.month)) continue;
    if (latest === undefined || signal.month > latest.month) latest = signal;
  }
  if (latest === undefined || (latest.status !== 'acknowledged' && latest.status !== 'dismissed')) return null;
  return { status: latest.status, severity: latest.severity, month: latest.month, reason: latest.statusReason };
}

// ── People's decisions ──────────────────────────────────────────────────────────────────────

export const INCIDENT_KIND_WORDS: Record<Incident['kind'], string> = {
  chipotle_drift: 'Chipotle drift',
  ownership_erosion: 'ownership erosion',
  revenue_miss: 'revenue miss',
};

const describe = (incident: IncidentWithArea) => `${incident.areaName}’s ${INCIDENT_KIND_WORDS[incident.kind]} since ${incident.firstMonth}`;

/** The calendar month of `now`, in UTC. */
function monthOf(now: Date): string {
  return now.toISOString().slice(0, 7);
}

/**
 * Refuses a decision the incident cannot take, in plain words; returns false when it already
 * stands (a resolved incident being resolved), so nothing is written.
 */
function checkDecision(incident: IncidentWithArea, decision: DecideIncident, now: Date): boolean {
  if (incident.status === 'cleared') {
    throw new ApiError('conflict', `The figures no longer show ${describe(incident)}; there is nothing to decide.`);
  }
  if (incident.status === decision.status && decision.status === 'resolved') return false;
  if (decision.until !== undefined) {
    const current = monthOf(now);
    if (decision.until < current) {
      throw new ApiError('invalid_input', 'A snooze cannot end in the past.', [{ path: 'until', message: `must be ${current} or later` }]);
    }
    if (decision.until < incident.latestMonth) {
      throw new ApiError('invalid_input', 'A snooze must run at least to the incident’s latest month.', [
        { path: 'until', message: `must be ${incident.latestMonth} or later` },
      ]);
    }
  }
  return true;
}

function toDecision(incident: IncidentWithArea, decision: DecideIncident, expectedVersion: number): IncidentDecision {
  return {
    id: incident.id,
    from: incident.status,
    to: decision.status,
    reason: decision.reason ?? null,
    snoozedUntil: decision.status === 'dismissed' ? (decision.until ?? null) : null,
    severity: incident.currentSeverity,
    through: incident.latestMonth,
    expectedVersion,
  };
}

async function auditDecisions(db: Database, before: readonly IncidentWithArea[], decision: DecideIncident, actor: AuditActor): Promise<void> {
  for (const incident of before) {
    await recordAuditEvent(db, {
      actor,
      action: 'incident.decided',
      areaSlug: incident.areaSlug,
      subject: `${incident.kind} since ${incident.firstMonth}`,
      before: { status: incident.status, reason: incident.statusReason, snoozedUntil: incident.snoozedUntil },
      after: { status: decision.status, reason: decision.reason ?? null, snoozedUntil: decision.until ?? null },
    });
  }
}

/**
 * Takes the locks a recompute of these areas takes, in the same order (the settings, then the
 * areas by id), so a decision and a recompute of the same area run one after the other: neither
 * overwrites the other's status, and they cannot deadlock over the incidents and signals rows.
 */
async function lockForDecision(db: Database, areaIds: readonly string[]): Promise<void> {
  await holdSettingsSteady(db);
  await lockAreas(db, [...new Set(areaIds)]);
}

/**
 * One person's decision on one incident, only if it is still at `expectedVersion` (the version
 * the person read: If-Match, or the version just read when there was none). Its months' signals
 * follow. Runs in the caller's transaction, which must not have taken any lock before.
 */
export async function decideOnIncident(
  db: Database,
  incident: IncidentWithArea,
  decision: DecideIncident,
  expectedVersion: number,
  actor: AuditActor,
  now: Date,
): Promise<void> {
  if (!checkDecision(incident, decision, now)) return;
  await lockForDecision(db, [incident.areaId]);
  const recorded = await decideIncidents(db, [toDecision(incident, decision, expectedVersion)], actor, now);
  if (recorded.length === 0) throw staleEtag(`Someone else decided on ${describe(incident)} meanwhile; reload it and decide again.`);
  await alignSignalsWithIncidents(db, [incident.areaId], now);
  await auditDecisions(db, [incident], decision, actor);
}

/** The same decision on several incidents, each at the version it was read at: all or none. */
export async function decideOnIncidents(
  db: Database,
  items: readonly { id: string; version: number }[],
  decision: DecideIncident,
  actor: AuditActor,
  now: Date,
): Promise<IncidentWithArea[]> {
  return db.transaction(async (tx) => {
    const ids = [...new Set(items.map((item) => item.id))];
    const areaIds = (await getIncidents(tx, ids)).map((incident) => incident.areaId);
    await lockForDecision(tx, areaIds);
    // Read again under the locks: what a recompute changed meanwhile is seen, and refused as stale.
    const found = new Map((await getIncidents(tx, ids)).map((incident) => [incident.id, incident]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new ApiError(
        'invalid_input',
        `${missing.length === 1 ? 'One incident does' : `${missing.length} incidents do`} not exist; nothing was decided.`,
        items.flatMap((item, i) => (found.has(item.id) ? [] : [{ path: `incidents.${i}.id`, message: 'is not an incident' }])),
      );
    }
    const stale = items.filter((item) => found.get(item.id)!.version !== item.version).map((item) => describe(found.get(item.id)!));
    if (stale.length > 0) throw staleEtag(`Changed since you read them: ${stale.join('; ')}. Reload and decide again; nothing was decided.`);
    const incidents = ids.map((id) => found.get(id)!);
    const decisions = incidents.filter((incident) => checkDecision(incident, decision, now)).map((incident) => toDecision(incident, decision, incident.version));
    const recorded = await decideIncidents(tx, decisions, actor, now);
    if (recorded.length !== decisions.length) throw staleEtag('Someone else decided on some of these incidents meanwhile; reload and decide again.');
    await alignSignalsWithIncidents(tx, [...new Set(incidents.map((incident) => incident.areaId))], now);
    await auditDecisions(tx, incidents, decision, actor);
    return getIncidents(tx, ids).then((after) => ids.map((id) => after.find((incident) => incident.id === id)!));
  });
}

/** A comment on an incident; an area's leads give context, executives and admins too. Changes no status. */
export async function commentOnIncident(db: Database, incident: IncidentWithArea, text: string, actor: AuditActor, now: Date): Promise<IncidentEventRow> {
  if (incident.status === 'cleared') {
    throw new ApiError('conflict', `The figures no longer show ${describe(incident)}; it takes no more comments.`);
  }
  return addIncidentComment(db, incident, text, actor, now);
}

// ── Reading ─────────────────────────────────────────────────────────────────────────────────

export function toIncident(row: IncidentWithArea, leads: readonly string[]): Incident {
  return {
    id: row.id,
    kind: row.kind,
    areaSlug: row.areaSlug,
    areaName: row.areaName,
    leads: [...leads],
    firstMonth: row.firstMonth,
    latestMonth: row.latestMonth,
    months: row.months,
    gaps: row.gaps,
    peakSeverity: row.peakSeverity,
    currentSeverity: row.currentSeverity,
    status: row.status,
    statusReason: row.statusReason,
    resolvedMonth: row.resolvedMonth,
    escalated: row.escalated,
    snoozedUntil: row.snoozedUntil,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Incidents as the API shows them, each with its area's leads (one query for the page). */
export async function withLeads(db: Database, rows: readonly IncidentWithArea[]): Promise<Incident[]> {
  const leads = await listLeadNames(db, rows.map((row) => row.areaId));
  return rows.map((row) => toIncident(row, leads.get(row.areaId) ?? []));
}

export async function incidentDetail(db: Database, id: string): Promise<{ detail: IncidentDetail; version: number }> {
  const incident = await getIncident(db, id);
  if (!incident) throw new ApiError('not_found', `There is no incident ${id}.`);
  const [months, events, [shown]] = await Promise.all([listIncidentMonths(db, id), listIncidentEvents(db, id), withLeads(db, [incident])]);
  return {
    version: incident.version,
    detail: {
      ...shown!,
      monthsDetail: months.map((month) => ({
        signalId: month.id,
        month: month.month,
        severity: month.severity,
        ownershipDelta: month.ownershipDelta,
        centralisationDelta: month.centralisationDelta,
        explanation: month.explanation,
      })),
      history: events.map(toIncidentEvent),
    },
  };
}

/** A history entry as the API shows it: a signal's own (before incidents), or its incident's. */
export function toHistoryEvent(row: Omit<SignalEventRow, 'id' | 'signalId'>): SignalEvent {
  return {
    at: row.at.toISOString(),
    actor: row.actorEmail ? { id: row.actorId, email: row.actorEmail, name: row.actorName ?? row.actorEmail } : null,
    action: row.action,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    comment: row.comment,
  };
}

export function toIncidentEvent(event: IncidentEventRow): IncidentEventShown {
  return { ...toHistoryEvent(event), month: event.month };
}
