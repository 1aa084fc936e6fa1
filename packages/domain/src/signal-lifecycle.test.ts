import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Severity } from './drift.ts';
import type { Finding, FindingKind } from './findings.ts';
import { reconcileSignals, type SignalChanges, type SignalStatus, type StoredSignal } from './signal-lifecycle.ts';

const finding = (changes: Partial<Finding> = {}): Finding => ({
  kind: 'chipotle_drift',
  month: '2024-06',
  severity: 'warning',
  ownershipDelta: -12,
  centralisationDelta: 14,
  explanation: ['hiring owned by the lead 90% → 30%: −15.0 pts'],
  contributions: [],
  ...changes,
});

/** The stored form of a finding, as the last reconciliation left it. */
const storedAs = (from: Finding, status: SignalStatus, id = 'signal-1'): StoredSignal => ({
  id,
  kind: from.kind,
  month: from.month,
  severity: from.severity,
  ownershipDelta: from.ownershipDelta,
  centralisationDelta: from.centralisationDelta,
  explanation: [...from.explanation],
  status,
});

const NOTHING: SignalChanges = { raise: [], refresh: [], clear: [] };
const now = finding();
const longer = finding({ explanation: [...now.explanation, 'approval latency 2 days → 12 days: +12.5 pts'] });

describe('reconcileSignals: each transition', () => {
  it.each<[string, StoredSignal[], Finding[], SignalChanges]>([
    ['a new finding is raised', [], [now], { raise: [now], refresh: [], clear: [] }],
    ['an unchanged open signal writes nothing', [storedAs(now, 'open')], [now], NOTHING],
    ['an unchanged acknowledged signal writes nothing', [storedAs(now, 'acknowledged')], [now], NOTHING],
    [
      'a changed severity refreshes and keeps acknowledged',
      [storedAs(finding({ severity: 'watch' }), 'acknowledged')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: false }], clear: [] },
    ],
    [
      'a changed delta refreshes a resolved signal and keeps it resolved',
      [storedAs(finding({ centralisationDelta: 13 }), 'resolved')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: false }], clear: [] },
    ],
    [
      'a delta appearing where there was none is a change',
      [storedAs(finding({ ownershipDelta: null }), 'open')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: false }], clear: [] },
    ],
    [
      'a changed explanation refreshes',
      [storedAs(finding({ explanation: ['hiring owned by the lead 90% → 40%: −12.5 pts'] }), 'open')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: false }], clear: [] },
    ],
    [
      'a longer explanation refreshes',
      [storedAs(now, 'open')],
      [longer],
      { raise: [], refresh: [{ id: 'signal-1', finding: longer, reopen: false }], clear: [] },
    ],
    [
      'a delta within FLOAT_TOLERANCE is unchanged',
      [storedAs(finding({ ownershipDelta: -12 + 1e-12, centralisationDelta: 14 - 1e-12 }), 'open')],
      [now],
      NOTHING,
    ],
    ['a dismissed signal that still holds stays dismissed', [storedAs(now, 'dismissed')], [now], NOTHING],
    [
      'a dismissed signal whose values changed is refreshed, still dismissed',
      [storedAs(finding({ severity: 'critical' }), 'dismissed')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: false }], clear: [] },
    ],
    [
      'a cleared signal that holds again reopens, even with the same values',
      [storedAs(now, 'cleared')],
      [now],
      { raise: [], refresh: [{ id: 'signal-1', finding: now, reopen: true }], clear: [] },
    ],
    [
      'a held signal whose finding is gone is cleared',
      [storedAs(now, 'acknowledged')],
      [],
      { raise: [], refresh: [], clear: [storedAs(now, 'acknowledged')] },
    ],
    [
      'a dismissed signal whose finding is gone is cleared',
      [storedAs(now, 'dismissed')],
      [],
      { raise: [], refresh: [], clear: [storedAs(now, 'dismissed')] },
    ],
    ['an already cleared signal that stays gone is untouched', [storedAs(now, 'cleared')], [], NOTHING],
  ])('%s', (_, stored, findings, expected) => {
    expect(reconcileSignals(stored, findings)).toEqual(expected);
  });

  it('matches on kind and month: erosion in the same month is another signal', () => {
    const erosion = finding({ kind: 'ownership_erosion', severity: 'watch' });
    const stored = [storedAs(now, 'open')];
    expect(reconcileSignals(stored, [erosion])).toEqual({ raise: [erosion], refresh: [], clear: stored });
    const nextMonth = finding({ month: '2024-07' });
    expect(reconcileSignals(stored, [now, nextMonth])).toEqual({ raise: [nextMonth], refresh: [], clear: [] });
  });

  it('throws on two stored signals, or two findings, of one kind and month', () => {
    expect(() => reconcileSignals([storedAs(now, 'open', 'a'), storedAs(now, 'cleared', 'b')], [])).toThrow(RangeError);
    expect(() => reconcileSignals([], [now, now])).toThrow(/two findings for chipotle_drift in 2024-06/);
  });
});

/** What the database does with the changes: insert, update values (status only on reopen), clear. */
function apply(stored: readonly StoredSignal[], changes: SignalChanges, nextId: () => string): StoredSignal[] {
  const refreshed = new Map(changes.refresh.map((change) => [change.id, change]));
  const cleared = new Set(changes.clear.map((signal) => signal.id));
  const updated = stored.map((signal): StoredSignal => {
    const change = refreshed.get(signal.id);
    if (change !== undefined) return storedAs(change.finding, change.reopen ? 'open' : signal.status, signal.id);
    return cleared.has(signal.id) ? { ...signal, status: 'cleared' } : signal;
  });
  return [...updated, ...changes.raise.map((raised) => storedAs(raised, 'open', nextId()))];
}

describe('reconcileSignals: properties', () => {
  const kinds: FindingKind[] = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];
  const severities: Severity[] = ['watch', 'warning', 'critical'];
  const statuses: SignalStatus[] = ['open', 'acknowledged', 'resolved', 'dismissed', 'cleared'];
  const delta = fc.option(fc.constantFrom(-20, -12, -5, 0, 5, 12.5, 20), { nil: null });
  const findingArb: fc.Arbitrary<Finding> = fc.record({
    kind: fc.constantFrom(...kinds),
    month: fc.constantFrom('2024-01', '2024-02', '2024-03', '2024-04'),
    severity: fc.constantFrom(...severities),
    ownershipDelta: delta,
    centralisationDelta: delta,
    explanation: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }),
    contributions: fc.constant<Finding['contributions']>([]),
  });
  const findingsArb = fc.uniqueArray(findingArb, { selector: (f) => `${f.kind} ${f.month}`, maxLength: 8 });
  const storedArb = fc
    .tuple(findingsArb, fc.array(fc.constantFrom(...statuses), { minLength: 8, maxLength: 8 }))
    .map(([found, status]) => found.map((f, i) => storedAs(f, status[i]!, `stored-${i}`)));

  it('reconciling, applying the changes and reconciling again with the same findings changes nothing', () => {
    fc.assert(
      fc.property(storedArb, findingsArb, (stored, findings) => {
        let id = 0;
        const applied = apply(stored, reconcileSignals(stored, findings), () => `new-${id++}`);
        expect(reconcileSignals(applied, findings)).toEqual(NOTHING);
      }),
    );
  });

  it('never deletes, never raises twice, and leaves people\'s decisions alone unless the data reopens them', () => {
    fc.assert(
      fc.property(storedArb, findingsArb, (stored, findings) => {
        const changes = reconcileSignals(stored, findings);
        const applied = apply(stored, changes, () => 'new');
        expect(applied.length).toBe(stored.length + changes.raise.length);
        expect(changes.raise.length + changes.refresh.length).toBeLessThanOrEqual(findings.length);
        for (const change of changes.refresh) {
          const before = stored.find((signal) => signal.id === change.id)!;
          expect(change.reopen).toBe(before.status === 'cleared');
        }
        expect(changes.clear.every((signal) => signal.status !== 'cleared')).toBe(true);
      }),
    );
  });
});
