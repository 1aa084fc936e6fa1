import {
  type AssessmentRecord,
  type Database,
  listAreaFigures,
  listAreaIds,
  listIncidentsOfAreas,
  listSignalsOfAreas,
  listStoredAssessments,
  toAssessmentRecord,
} from '@autonomy/db';
import { assessArea, detectFindings, type DriftSettings, type Episode, findEpisodes } from '@autonomy/domain';

const byAreaAndMonth = (a: AssessmentRecord, b: AssessmentRecord) =>
  a.areaId === b.areaId ? (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) : a.areaId < b.areaId ? -1 : 1;

/** An incident as the data draws it, in one comparable line. */
const drawing = (areaId: string, incident: Omit<Episode, 'months'> & { months: number | Episode['months'] }) =>
  [
    areaId,
    incident.kind,
    incident.firstMonth,
    incident.latestMonth,
    typeof incident.months === 'number' ? incident.months : incident.months.length,
    incident.peakSeverity,
    incident.currentSeverity,
    `gaps ${incident.gaps.join(',')}`,
    `resolved ${incident.resolvedMonth ?? '-'}`,
  ].join(' ');

export interface DerivedState {
  assessments: AssessmentRecord[];
  findings: string[];
  /** The incidents the data draws (those it has not cleared), one line each. */
  incidents: string[];
  /** Months' signals not in an incident of their kind with its status: none, ever. */
  misaligned: string[];
}

/**
 * What the stored state should be, computed from scratch: every area's figures assessed from
 * nothing under `settings`, its findings and the incidents they draw. The incremental writes must
 * always end here.
 */
export async function recomputeFromScratch(db: Database, settings: DriftSettings): Promise<DerivedState> {
  const figuresByArea = new Map<string, Awaited<ReturnType<typeof listAreaFigures>>>();
  for (const row of await listAreaFigures(db)) {
    const rows = figuresByArea.get(row.areaId) ?? [];
    rows.push(row);
    figuresByArea.set(row.areaId, rows);
  }
  const assessments: AssessmentRecord[] = [];
  const findings: string[] = [];
  const incidents: string[] = [];
  for (const [areaId, rows] of figuresByArea) {
    const assessed = assessArea(rows, settings, { contributions: 'findings' });
    assessments.push(...assessed.map((assessment) => toAssessmentRecord(areaId, assessment)));
    const found = detectFindings(assessed, settings);
    for (const finding of found) findings.push(`${areaId} ${finding.kind} ${finding.month} ${finding.severity}`);
    for (const episode of findEpisodes(assessed, found)) incidents.push(drawing(areaId, episode));
  }
  return { assessments: assessments.sort(byAreaAndMonth), findings: findings.sort(), incidents: incidents.sort(), misaligned: [] };
}

/** The stored assessments, signals and incidents the data has not cleared, in the shape of `recomputeFromScratch`. */
export async function storedState(db: Database): Promise<DerivedState> {
  const assessments = (await listStoredAssessments(db)).sort(byAreaAndMonth);
  const areaIds = await listAreaIds(db);
  const signals = (await listSignalsOfAreas(db, areaIds)).filter((signal) => signal.status !== 'cleared');
  const findings = signals.map((signal) => `${signal.areaId} ${signal.kind} ${signal.month} ${signal.severity}`).sort();
  const live = (await listIncidentsOfAreas(db, areaIds)).filter((incident) => incident.status !== 'cleared');
  const incidents = live.map((incident) => drawing(incident.areaId, incident)).sort();
  const byId = new Map(live.map((incident) => [incident.id, incident]));
  const misaligned = signals
    .filter((signal) => {
      const incident = signal.incidentId ? byId.get(signal.incidentId) : undefined;
      return !incident || incident.kind !== signal.kind || incident.status !== signal.status || signal.month < incident.firstMonth || signal.month > incident.latestMonth;
    })
    .map((signal) => `${signal.areaId} ${signal.kind} ${signal.month} ${signal.status} in ${signal.incidentId ?? 'no incident'}`);
  return { assessments, findings, incidents, misaligned };
}
