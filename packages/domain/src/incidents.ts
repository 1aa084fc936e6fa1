import type { AreaMonthAssessment } from './assess-area.ts';
import { compareSeverity, type Severity } from './drift.ts';
import { type Finding, type FindingKind, REVENUE_MISS_MONTHS } from './findings.ts';
import { monthFromIndex, monthIndex, type Month } from './month.ts';
import type { SignalStatus } from './signal-lifecycle.ts';

/**
 * An incident as the data draws it: the consecutive months in which an area has the same finding
 * kind. A month without enough data pauses it (a gap), it does not end it; the first month with
 * enough data and no finding resolves it.
 */
export interface Episode {
  kind: FindingKind;
  firstMonth: Month;
  /** The latest month with the finding. */
  latestMonth: Month;
  /** The months with the finding, oldest first, each with that month's severity. */
  months: { month: Month; severity: Severity }[];
  /** Months without enough data after the first: between its months, or since the latest while it still runs. */
  gaps: Month[];
  peakSeverity: Severity;
  /** The severity of its latest month. */
  currentSeverity: Severity;
  /** The month that resolved it; null while it runs. */
  resolvedMonth: Month | null;
}

const KINDS: readonly FindingKind[] = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];

/**
 * An area's incidents, from its assessments (any order, one per month) and the findings
 * `detectFindings` made of them; by kind, then oldest first.
 *
 * Whether a month has enough data to say "no finding": for Chipotle drift and ownership erosion,
 * a complete window (the deltas exist); for a revenue miss, attainment known in the month and in
 * the months before it that a miss counts (`REVENUE_MISS_MONTHS`). A month without figures never has.
 */
export function findEpisodes(assessments: readonly AreaMonthAssessment[], findings: readonly Finding[]): Episode[] {
  if (assessments.length === 0) return [];
  const byIndex = new Map(assessments.map((assessment) => [monthIndex(assessment.month), assessment]));
  const indices = [...byIndex.keys()];
  const first = Math.min(...indices);
  const last = Math.max(...indices);
  const attainmentKnown = (index: number) => {
    const assessment = byIndex.get(index);
    return assessment !== undefined && assessment.revenueAttainment !== null;
  };
  const enoughData: Record<FindingKind, (index: number) => boolean> = {
    chipotle_drift: (index) => {
      const assessment = byIndex.get(index);
      return assessment !== undefined && assessment.driftState !== 'insufficient_data';
    },
    ownership_erosion: (index) => enoughData.chipotle_drift(index),
    revenue_miss: (index) => {
      for (let back = 0; back < REVENUE_MISS_MONTHS; back++) if (!attainmentKnown(index - back)) return false;
      return true;
    },
  };

  const episodes: Episode[] = [];
  for (const kind of KINDS) {
    const severityByIndex = new Map(
      findings.filter((finding) => finding.kind === kind).map((finding) => [monthIndex(finding.month), finding.severity]),
    );
    if (severityByIndex.size === 0) continue;
    let running: Episode | null = null;
    let pausedMonths: Month[] = [];
    for (let index = first; index <= last; index++) {
      const severity = severityByIndex.get(index);
      const month = monthFromIndex(index);
      if (severity !== undefined) {
        if (running === null) {
          running = { kind, firstMonth: month, latestMonth: month, months: [], gaps: [], peakSeverity: severity, currentSeverity: severity, resolvedMonth: null };
          episodes.push(running);
        }
        running.gaps.push(...pausedMonths);
        pausedMonths = [];
        running.months.push({ month, severity });
        running.latestMonth = month;
        running.currentSeverity = severity;
        if (compareSeverity(severity, running.peakSeverity) > 0) running.peakSeverity = severity;
      } else if (running !== null) {
        if (enoughData[kind](index)) {
          running.gaps.push(...pausedMonths);
          running.resolvedMonth = month;
          running = null;
          pausedMonths = [];
        } else {
          pausedMonths.push(month);
        }
      }
    }
    // Still running: the months since its latest are paused, not over.
    if (running !== null) running.gaps.push(...pausedMonths);
  }
  return episodes;
}

/** An incident as stored: what the data last drew, and where people took it. */
export interface StoredIncident {
  id: string;
  kind: FindingKind;
  firstMonth: Month;
  latestMonth: Month;
  months: number;
  gaps: Month[];
  peakSeverity: Severity;
  currentSeverity: Severity;
  status: SignalStatus;
  /** Set when the data resolved it. */
  resolvedMonth: Month | null;
  escalated: boolean;
  /** The severity and latest month a person's decision was taken on. */
  decidedSeverity: Severity | null;
  decidedThrough: Month | null;
  /** A dismissal runs until this month; null for good. */
  snoozedUntil: Month | null;
}

/** Something the data did to an incident, for its history. */
export interface IncidentEvent {
  action: 'raised' | 'escalated' | 'resolved' | 'reopened' | 'snooze ended' | 'cleared' | 'merged';
  month: Month | null;
  fromStatus: SignalStatus | null;
  toStatus: SignalStatus;
  comment: string;
}

/** A decision found on an episode's months before it was an incident of its own (an upgrade, a split). */
export interface InheritedDecision {
  status: 'acknowledged' | 'dismissed';
  severity: Severity;
  month: Month;
  reason: string | null;
}

export interface IncidentChanges {
  /** New incidents: open, or as inherited, or already resolved when the data drew them whole (an import of history). */
  create: { episode: Episode; inherited: InheritedDecision | null; state: DataState; events: IncidentEvent[] }[];
  /** Incidents whose drawing or status the data changed; `state` is the whole new state. */
  update: { id: string; episode: Episode; state: DataState; events: IncidentEvent[] }[];
  /** Incidents the data no longer shows (or that merged into an older one): kept, never deleted. */
  clear: { id: string; event: IncidentEvent }[];
}

/** The part of an incident's status the data may move. */
export interface DataState {
  status: SignalStatus;
  resolvedMonth: Month | null;
  escalated: boolean;
}

/**
 * Reconciles ONE area's stored incidents with the episodes its data draws now. An episode keeps
 * the oldest stored incident that overlaps its months (live ones before cleared ones), so an
 * incident keeps its id, decisions and history however its months grow; other live incidents
 * overlapping the same episode merged into it. Episodes no stored incident overlaps are new.
 * An incident that changes in nothing appears in no list, so a recomputation that changes nothing
 * writes nothing.
 *
 * The data moves a decision only as the rules say: the first month with enough data and no
 * finding resolves it (once: a person's later decision on it stands); the finding going on reopens one resolved (by the data, or by a person
 * before its latest month); a severity above the one acknowledged reopens it as escalated; a month
 * past a snooze reopens a dismissal.
 */
export function reconcileIncidents(
  stored: readonly StoredIncident[],
  episodes: readonly Episode[],
  inherit: (episode: Episode) => InheritedDecision | null = () => null,
): IncidentChanges {
  const changes: IncidentChanges = { create: [], update: [], clear: [] };
  const used = new Set<string>();
  const overlaps = (incident: StoredIncident, episode: Episode) =>
    incident.kind === episode.kind && incident.firstMonth <= episode.latestMonth && episode.firstMonth <= incident.latestMonth;
  const byAge = [...stored].sort((a, b) => (a.firstMonth < b.firstMonth ? -1 : a.firstMonth > b.firstMonth ? 1 : 0));

  for (const episode of episodes) {
    const candidates = byAge.filter((incident) => !used.has(incident.id) && overlaps(incident, episode));
    const kept = candidates.find((incident) => incident.status !== 'cleared') ?? candidates[0];
    if (kept === undefined) {
      const inherited = inherit(episode);
      const status = inherited?.status ?? 'open';
      const events: IncidentEvent[] = [
        { action: 'raised', month: episode.firstMonth, fromStatus: null, toStatus: status, comment: raisedComment(episode, inherited) },
      ];
      if (episode.resolvedMonth !== null) events.push(resolvedBy(episode.resolvedMonth, status));
      const state = { status: episode.resolvedMonth === null ? status : 'resolved', resolvedMonth: episode.resolvedMonth, escalated: false } as const;
      changes.create.push({ episode, inherited, state, events });
      continue;
    }
    used.add(kept.id);
    for (const other of candidates) {
      if (other === kept || other.status === 'cleared') continue;
      used.add(other.id);
      changes.clear.push({
        id: other.id,
        event: { action: 'merged', month: other.firstMonth, fromStatus: other.status, toStatus: 'cleared', comment: `merged into the incident from ${kept.firstMonth}` },
      });
    }
    const { state, events } = moveByData(kept, episode);
    if (events.length > 0 || drawingChanged(kept, episode)) changes.update.push({ id: kept.id, episode, state, events });
  }
  for (const incident of stored) {
    if (used.has(incident.id) || incident.status === 'cleared') continue;
    changes.clear.push({
      id: incident.id,
      event: { action: 'cleared', month: null, fromStatus: incident.status, toStatus: 'cleared', comment: 'the figures no longer show this finding' },
    });
  }
  return changes;
}

function raisedComment(episode: Episode, inherited: InheritedDecision | null): string {
  const opened = `opened by the figures of ${episode.firstMonth}`;
  return inherited ? `${opened}; ${inherited.status} on ${inherited.month}, as decided before` : opened;
}

function resolvedBy(month: Month, fromStatus: SignalStatus): IncidentEvent {
  return { action: 'resolved', month, fromStatus, toStatus: 'resolved', comment: `${month} has enough data and no finding` };
}

/** The status the data gives a stored incident drawn as `episode` now, with what happened. */
function moveByData(incident: StoredIncident, episode: Episode): { state: DataState; events: IncidentEvent[] } {
  const state: DataState = { status: incident.status, resolvedMonth: incident.resolvedMonth, escalated: incident.escalated };
  const events: IncidentEvent[] = [];
  const move = (action: IncidentEvent['action'], month: Month | null, toStatus: SignalStatus, comment: string) => {
    events.push({ action, month, fromStatus: state.status, toStatus, comment });
    state.status = toStatus;
  };

  if (state.status === 'cleared') {
    move('reopened', episode.latestMonth, 'open', 'the figures show this finding again');
    state.resolvedMonth = null;
    state.escalated = false;
  }
  if (episode.resolvedMonth !== null) {
    // Only a new or moved resolution resolves: a person may still decide on a resolved incident
    // (acknowledge it, dismiss it, reopen it), and that stands until the data moves again.
    if (state.resolvedMonth !== episode.resolvedMonth) {
      events.push(resolvedBy(episode.resolvedMonth, state.status));
      state.status = 'resolved';
      state.resolvedMonth = episode.resolvedMonth;
    }
    return { state, events };
  }

  if (state.status === 'resolved') {
    if (state.resolvedMonth !== null) {
      move('reopened', episode.latestMonth, 'open', `the finding goes on in ${episode.latestMonth}`);
      state.resolvedMonth = null;
    } else if (incident.decidedThrough === null || episode.latestMonth > incident.decidedThrough) {
      move('reopened', episode.latestMonth, 'open', `resolved on ${incident.decidedThrough ?? 'earlier months'}; the finding goes on in ${episode.latestMonth}`);
    }
  }
  if (state.status === 'acknowledged' && incident.decidedSeverity !== null) {
    const rise = episode.months.find(
      ({ month, severity }) =>
        (incident.decidedThrough === null || month > incident.decidedThrough) && compareSeverity(severity, incident.decidedSeverity!) > 0,
    );
    if (rise) {
      move('escalated', rise.month, 'open', `${incident.decidedSeverity} when acknowledged, ${rise.severity} in ${rise.month}`);
      state.escalated = true;
    }
  }
  if (state.status === 'dismissed' && incident.snoozedUntil !== null && episode.latestMonth > incident.snoozedUntil) {
    move('snooze ended', episode.latestMonth, 'open', `dismissed until ${incident.snoozedUntil}; still present in ${episode.latestMonth}`);
  }
  return { state, events };
}

function drawingChanged(incident: StoredIncident, episode: Episode): boolean {
  return (
    incident.firstMonth !== episode.firstMonth ||
    incident.latestMonth !== episode.latestMonth ||
    incident.months !== episode.months.length ||
    incident.peakSeverity !== episode.peakSeverity ||
    incident.currentSeverity !== episode.currentSeverity ||
    incident.resolvedMonth !== episode.resolvedMonth ||
    incident.gaps.length !== episode.gaps.length ||
    incident.gaps.some((month, i) => month !== episode.gaps[i])
  );
}
