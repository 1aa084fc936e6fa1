import { clearSignals, type Database, listSignalsOfAreas, type NewSignal, raiseSignals, refreshSignals, type SignalRefresh, type SignalRow } from '@autonomy/db';
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
  if (findingsByArea.size === 0) return { raised: 0, refreshed: 0, cleared: 0 };
  const storedByArea = new Map<string, SignalRow[]>();
  for (const signal of await listSignalsOfAreas(db, [...findingsByArea.keys()])) {
    const list = storedByArea.get(signal.areaId) ?? [];
    list.push(signal);
    storedByArea.set(signal.areaId, list);
  }

  const raised: NewSignal[] = [];
  const refreshed: SignalRefresh[] = [];
  const cleared: { id: string; status: SignalRow['status'] }[] = [];
  for (const [areaId, findings] of findingsByArea) {
    const stored = storedByArea.get(areaId) ?? [];
    const storedById = new Map(stored.map((signal) => [signal.id, signal]));
    const changes = reconcileSignals(stored.map(toStoredSignal), findings);
    for (const finding of changes.raise) raised.push({ areaId, kind: finding.kind, month: finding.month, ...signalValues(finding) });
    for (const change of changes.refresh) {
      const previous = storedById.get(change.id);
      if (!previous) throw new Error(`signal ${change.id} to refresh is not among the area's signals`);
      refreshed.push({
        id: change.id,
        values: signalValues(change.finding),
        reopen: change.reopen,
        previousStatus: previous.status,
        previousSeverity: previous.severity,
      });
    }
    cleared.push(...changes.clear);
  }
  await refreshSignals(db, refreshed, now);
  await clearSignals(db, cleared, now);
  await raiseSignals(db, raised, now);
  return { raised: raised.length, refreshed: refreshed.length, cleared: cleared.length };
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
