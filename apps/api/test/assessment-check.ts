import { type AssessmentRecord, type Database, listAreaFigures, listAreaIds, listSignalsOfAreas, listStoredAssessments, toAssessmentRecord } from '@autonomy/db';
import { assessArea, detectFindings, type DriftSettings } from '@autonomy/domain';

const byAreaAndMonth = (a: AssessmentRecord, b: AssessmentRecord) =>
  a.areaId === b.areaId ? (a.month < b.month ? -1 : a.month > b.month ? 1 : 0) : a.areaId < b.areaId ? -1 : 1;

/**
 * What the stored state should be, computed from scratch: every area's figures assessed from
 * nothing under `settings`, and its findings. The incremental writes must always end here.
 */
export async function recomputeFromScratch(
  db: Database,
  settings: DriftSettings,
): Promise<{ assessments: AssessmentRecord[]; findings: string[] }> {
  const figuresByArea = new Map<string, Awaited<ReturnType<typeof listAreaFigures>>>();
  for (const row of await listAreaFigures(db)) {
    const rows = figuresByArea.get(row.areaId) ?? [];
    rows.push(row);
    figuresByArea.set(row.areaId, rows);
  }
  const assessments: AssessmentRecord[] = [];
  const findings: string[] = [];
  for (const [areaId, rows] of figuresByArea) {
    const assessed = assessArea(rows, settings, { contributions: 'findings' });
    assessments.push(...assessed.map((assessment) => toAssessmentRecord(areaId, assessment)));
    for (const finding of detectFindings(assessed, settings)) findings.push(`${areaId} ${finding.kind} ${finding.month} ${finding.severity}`);
  }
  return { assessments: assessments.sort(byAreaAndMonth), findings: findings.sort() };
}

/** The stored assessments, and the signals the data has not cleared, in the shape of `recomputeFromScratch`. */
export async function storedState(db: Database): Promise<{ assessments: AssessmentRecord[]; findings: string[] }> {
  const assessments = (await listStoredAssessments(db)).sort(byAreaAndMonth);
  const signals = await listSignalsOfAreas(db, await listAreaIds(db));
  const findings = signals
    .filter((signal) => signal.status !== 'cleared')
    .map((signal) => `${signal.areaId} ${signal.kind} ${signal.month} ${signal.severity}`)
    .sort();
  return { assessments, findings };
}
