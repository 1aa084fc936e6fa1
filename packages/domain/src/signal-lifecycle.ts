import type { Severity } from './drift.ts';
import type { Finding, FindingKind } from './findings.ts';
import type { Month } from './month.ts';
import { FLOAT_TOLERANCE } from './tolerance.ts';

/**
 * A stored signal's lifecycle. `acknowledged`, `resolved` and `dismissed` are people's decisions;
 * `cleared` is set by the data when the finding no longer holds, never by a person.
 */
export type SignalStatus = 'open' | 'acknowledged' | 'resolved' | 'dismissed' | 'cleared';

/** A finding as stored: what the data said when it was last reconciled, and where people took it. */
export interface StoredSignal {
  id: string;
  kind: FindingKind;
  month: Month;
  severity: Severity;
  ownershipDelta: number | null;
  centralisationDelta: number | null;
  explanation: string[];
  status: SignalStatus;
}

/** What to write so the stored signals of one area match its current findings. */
export interface SignalChanges {
  /** Findings with no stored signal of the same kind and month: insert as 'open'. */
  raise: Finding[];
  /**
   * Stored signals whose finding still holds but whose severity, deltas (beyond FLOAT_TOLERANCE) or
   * explanation changed, or which were 'cleared' and hold again. Update the values; with `reopen`
   * set the status goes back to 'open', otherwise it stays as people left it.
   */
  refresh: { id: string; finding: Finding; reopen: boolean }[];
  /** Stored signals, not already cleared, whose finding no longer holds: set 'cleared', never delete. */
  clear: StoredSignal[];
}

/**
 * Reconciles ONE area: every stored signal of the area against every current finding of the area.
 * A signal that matches its finding appears in no list, so a recomputation that changes nothing
 * writes nothing. A signal is its kind and month; two stored signals (or two findings) with the
 * same kind and month are a bug upstream (the database holds them unique) and throw a RangeError.
 */
export function reconcileSignals(stored: readonly StoredSignal[], findings: readonly Finding[]): SignalChanges {
  const storedByKey = uniqueByKey(stored, 'stored signals');
  const findingsByKey = uniqueByKey(findings, 'findings');
  const changes: SignalChanges = { raise: [], refresh: [], clear: [] };

  for (const [key, finding] of findingsByKey) {
    const signal = storedByKey.get(key);
    if (signal === undefined) {
      changes.raise.push(finding);
    } else if (signal.status === 'cleared') {
      changes.refresh.push({ id: signal.id, finding, reopen: true }); // holds again: back to open
    } else if (valuesChanged(signal, finding)) {
      changes.refresh.push({ id: signal.id, finding, reopen: false });
    }
  }
  for (const [key, signal] of storedByKey) {
    if (!findingsByKey.has(key) && signal.status !== 'cleared') changes.clear.push(signal);
  }
  return changes;
}

/** Whether the data now says something different from what was stored. */
function valuesChanged(signal: StoredSignal, finding: Finding): boolean {
  return (
    signal.severity !== finding.severity ||
    deltaChanged(signal.ownershipDelta, finding.ownershipDelta) ||
    deltaChanged(signal.centralisationDelta, finding.centralisationDelta) ||
    signal.explanation.length !== finding.explanation.length ||
    signal.explanation.some((line, i) => line !== finding.explanation[i])
  );
}

// Within the rules' own tolerance, a delta recomputed in another order is the same delta.
function deltaChanged(stored: number | null, current: number | null): boolean {
  if (stored === null || current === null) return stored !== current;
  return Math.abs(stored - current) > FLOAT_TOLERANCE;
}

function uniqueByKey<T extends { kind: FindingKind; month: Month }>(items: readonly T[], what: string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const key = `${item.kind} ${item.month}`;
    if (byKey.has(key)) {
      throw new RangeError(`two ${what} for ${item.kind} in ${item.month}; an area has one of each per month`);
    }
    byKey.set(key, item);
  }
  return byKey;
}
