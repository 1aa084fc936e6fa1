import { clearSignals, type Database, listSignalsOfAreas, type NewSignal, raiseSignals, refreshSignals, type SignalRefresh, type SignalRow } from '@autonomy/db';
import { type Finding, reconcileSignals, type StoredSignal } from '@autonomy/domain';

export interface SignalChangeCounts {
  raised: number;
  refreshed: number;
  cleared: number;
}

/** What one signal went through, in words a preview can show. */
export interface SignalChange {
  areaId: string;
  kind: Finding['kind'];
  month: string;
  change: 'opens' | 'reopens' | 'escalates' | 'eases' | 'clears';
  severity: Finding['severity'];
  previousSeverity: Finding['severity'] | null;
}

const SEVERITY_RANK = { watch: 0, warning: 1, critical: 2 } as const;

/** An area's findings, of which those from `fromMonth` on (all when null) are to be reconciled. */
export interface AreaFindings {
  areaId: string;
  fromMonth: string | null;
  findings: readonly Finding[];
}

/**
 * Brings the stored signals of some areas in line with their findings, from each area's
 * `fromMonth` on: findings of earlier months cannot have changed. Signals that still hold keep
 * their status and history; ones that no longer hold are cleared, never deleted. Called by
 * `reassess`, in the transaction that changed the figures. Also answers the signals it read, as
 * they were: a new incident may inherit a decision taken on its months.
 */
export async function reconcileAreaSignals(
  db: Database,
  areas: readonly AreaFindings[],
  now: Date,
): Promise<SignalChangeCounts & { changes: SignalChange[]; storedByArea: Map<string, SignalRow[]> }> {
  if (areas.length === 0) return { raised: 0, refreshed: 0, cleared: 0, changes: [], storedByArea: new Map() };
  const since = (month: string, fromMonth: string | null) => fromMonth === null || month >= fromMonth;
  const earliest = areas.some((area) => area.fromMonth === null)
    ? undefined
    : areas.reduce((first, area) => (area.fromMonth! < first ? area.fromMonth! : first), areas[0]!.fromMonth!);
  const storedByArea = new Map<string, SignalRow[]>();
  for (const signal of await listSignalsOfAreas(db, areas.map((area) => area.areaId), earliest)) {
    const list = storedByArea.get(signal.areaId) ?? [];
    list.push(signal);
    storedByArea.set(signal.areaId, list);
  }

  const raised: NewSignal[] = [];
  const refreshed: SignalRefresh[] = [];
  const cleared: { id: string; status: SignalRow['status'] }[] = [];
  const described: SignalChange[] = [];
  for (const { areaId, fromMonth, findings: all } of areas) {
    const stored = (storedByArea.get(areaId) ?? []).filter((signal) => since(signal.month, fromMonth));
    const findings = all.filter((finding) => since(finding.month, fromMonth));
    const storedById = new Map(stored.map((signal) => [signal.id, signal]));
    const changes = reconcileSignals(stored.map(toStoredSignal), findings);
    for (const finding of changes.raise) {
      raised.push({ areaId, kind: finding.kind, month: finding.month, ...signalValues(finding) });
      described.push({ areaId, kind: finding.kind, month: finding.month, change: 'opens', severity: finding.severity, previousSeverity: null });
    }
    for (const change of changes.refresh) {
      const previous = storedById.get(change.id);
      if (!previous) throw new Error(`signal ${change.id} to refresh is not among the area's signals`);
      const { kind, month, severity } = change.finding;
      const moved = SEVERITY_RANK[severity] - SEVERITY_RANK[previous.severity];
      const what = change.reopen ? 'reopens' : moved > 0 ? 'escalates' : moved < 0 ? 'eases' : undefined;
      if (what) described.push({ areaId, kind, month, change: what, severity, previousSeverity: previous.severity });
      refreshed.push({
        id: change.id,
        values: signalValues(change.finding),
        reopen: change.reopen,
        previousStatus: previous.status,
        previousSeverity: previous.severity,
      });
    }
    cleared.push(...changes.clear);
    for (const signal of changes.clear) {
      described.push({ areaId, kind: signal.kind, month: signal.month, change: 'clears', severity: signal.severity, previousSeverity: signal.severity });
    }
  }
  await refreshSignals(db, refreshed, now);
  await clearSignals(db, cleared, now);
  await raiseSignals(db, raised, now);
  return { raised: raised.length, refreshed: refreshed.length, cleared: cleared.length, changes: described, storedByArea };
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
