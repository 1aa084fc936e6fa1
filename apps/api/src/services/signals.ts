import {
  clearSignals,
  type Database,
  listAreaFigures,
  listAreaIds,
  listSignalsOfAreas,
  type NewSignal,
  raiseSignals,
  refreshSignal,
  type SignalRow,
} from '@autonomy/db';
import { type DriftSettings, type Finding, findingsForArea, reconcileSignals, type StoredSignal } from '@autonomy/domain';
import { assessableGroups } from './indices.ts';

export interface RecomputeOutcome {
  areas: number;
  raised: number;
  refreshed: number;
  cleared: number;
}

/**
 * Brings the stored signals of some areas (or all) in line with their figures. Signals that
 * still hold keep their status and history; ones that no longer hold are cleared, never deleted.
 * Callers run it in the transaction that changed the figures or the settings.
 */
export async function recomputeSignals(
  db: Database,
  settings: DriftSettings,
  scope: { areaIds: readonly string[] } | 'all',
  now: Date,
): Promise<RecomputeOutcome> {
  const areaIds = scope === 'all' ? await listAreaIds(db) : [...new Set(scope.areaIds)];
  const outcome: RecomputeOutcome = { areas: areaIds.length, raised: 0, refreshed: 0, cleared: 0 };
  if (areaIds.length === 0) return outcome;

  const figuresByArea = new Map(
    assessableGroups(await listAreaFigures(db, scope === 'all' ? {} : { areaIds })).map((group) => [group.areaId, group.rows]),
  );
  const storedByArea = new Map<string, SignalRow[]>();
  for (const signal of await listSignalsOfAreas(db, areaIds)) {
    const list = storedByArea.get(signal.areaId) ?? [];
    list.push(signal);
    storedByArea.set(signal.areaId, list);
  }

  const raised: NewSignal[] = [];
  for (const areaId of areaIds) {
    const stored = storedByArea.get(areaId) ?? [];
    const findings = findingsForArea(figuresByArea.get(areaId) ?? [], settings);
    const changes = reconcileSignals(stored.map(toStoredSignal), findings);
    for (const finding of changes.raise) raised.push({ areaId, kind: finding.kind, month: finding.month, ...signalValues(finding) });
    for (const change of changes.refresh) {
      const previous = stored.find((signal) => signal.id === change.id);
      if (!previous) throw new Error(`signal ${change.id} to refresh is not among the area's signals`);
      await refreshSignal(
        db,
        {
          id: change.id,
          values: signalValues(change.finding),
          reopen: change.reopen,
          previousStatus: previous.status,
          previousSeverity: previous.severity,
        },
        now,
      );
    }
    await clearSignals(db, changes.clear, now);
    outcome.refreshed += changes.refresh.length;
    outcome.cleared += changes.clear.length;
  }
  await raiseSignals(db, raised, now);
  outcome.raised = raised.length;
  return outcome;
}

function toStoredSignal(row: SignalRow): StoredSignal {
  return {
    id: row.id,
    kind: row.kind,
    month: row.month,
    severity: row.severity,
    ownershipDelta: row.ownershipDelta,
    centralisationDelta: row.centralisationDelta,
    explanation: row.explanation,
    status: row.status,
  };
}

function signalValues(finding: Finding): Omit<NewSignal, 'areaId' | 'kind' | 'month'> {
  return {
    severity: finding.severity,
    ownershipDelta: finding.ownershipDelta,
    centralisationDelta: finding.centralisationDelta,
    explanation: finding.explanation,
    contributions: finding.contributions,
  };
}
