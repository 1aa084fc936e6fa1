import { clearSignals, type Database, listSignalsOfAreas, type NewSignal, raiseSignals, refreshSignal, type SignalRow } from '@autonomy/db';
import { type Finding, reconcileSignals, type StoredSignal } from '@autonomy/domain';

export interface SignalChangeCounts {
  raised: number;
  refreshed: number;
  cleared: number;
}

/**
 * Brings the stored signals of some areas in line with their findings (every finding of each
 * area, all months). Signals that still hold keep their status and history; ones that no longer
 * hold are cleared, never deleted. Called by `reassess`, in the transaction that changed the figures.
 */
export async function reconcileAreaSignals(
  db: Database,
  findingsByArea: ReadonlyMap<string, readonly Finding[]>,
  now: Date,
): Promise<SignalChangeCounts> {
  const counts: SignalChangeCounts = { raised: 0, refreshed: 0, cleared: 0 };
  if (findingsByArea.size === 0) return counts;
  const storedByArea = new Map<string, SignalRow[]>();
  for (const signal of await listSignalsOfAreas(db, [...findingsByArea.keys()])) {
    const list = storedByArea.get(signal.areaId) ?? [];
    list.push(signal);
    storedByArea.set(signal.areaId, list);
  }

  const raised: NewSignal[] = [];
  for (const [areaId, findings] of findingsByArea) {
    const stored = storedByArea.get(areaId) ?? [];
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
    counts.refreshed += changes.refresh.length;
    counts.cleared += changes.clear.length;
  }
  await raiseSignals(db, raised, now);
  counts.raised = raised.length;
  return counts;
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
