import type { FindingKind, Severity, SignalStatus } from '@autonomy/contracts';
import { countOf } from '../../lib/format.ts';

const KIND_LABELS: Record<FindingKind, string> = {
  chipotle_drift: 'Chipotle drift',
  ownership_erosion: 'Ownership erosion',
  revenue_miss: 'Revenue miss',
};

/** What each kind means, in one line, for a reader who has not read the brief. */
const KIND_DESCRIPTIONS: Record<FindingKind, string> = {
  chipotle_drift: 'Centralisation rising while ownership falls',
  ownership_erosion: 'Ownership falling, without the rise in centralisation that makes it drift',
  revenue_miss: 'Revenue below target month after month',
};

export function kindLabel(kind: FindingKind): string {
  return KIND_LABELS[kind];
}

export function kindDescription(kind: FindingKind): string {
  return KIND_DESCRIPTIONS[kind];
}

const SEVERITY_LABELS: Record<Severity, string> = { critical: 'Critical', warning: 'Warning', watch: 'Watch' };

/** Just the level: beside a kind label, "Critical drift" would say drift twice (and be wrong for a revenue miss). */
export function severityLabel(severity: Severity): string {
  return SEVERITY_LABELS[severity];
}

const STATUS_LABELS: Record<SignalStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
  dismissed: 'Dismissed',
  cleared: 'Cleared by data',
};

export function statusLabel(status: SignalStatus): string {
  return STATUS_LABELS[status];
}

const KIND_COUNT_NOUNS: Record<FindingKind, [singular: string, plural: string]> = {
  chipotle_drift: ['Chipotle drift signal', 'Chipotle drift signals'],
  ownership_erosion: ['ownership erosion', 'ownership erosions'],
  revenue_miss: ['revenue miss', 'revenue misses'],
};

/** "2 Chipotle drift signals, 1 revenue miss": the kinds present, in the order given. */
export function describeKindCounts(counts: readonly { kind: FindingKind; count: number }[]): string {
  return counts
    .filter(({ count }) => count > 0)
    .map(({ kind, count }) => {
      const [singular, plural] = KIND_COUNT_NOUNS[kind];
      return countOf(count, singular, plural);
    })
    .join(', ');
}
