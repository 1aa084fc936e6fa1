import type { FindingKind } from '@autonomy/contracts';
import { compareAreaNames, compareFindingsForReview, compareFindingUrgency, FINDING_KIND_ORDER } from '@autonomy/domain';

/** The order is the domain's, the one the API freezes a review's findings in. */
type OrderedSignal = Parameters<typeof compareFindingsForReview>[0];

/** One month's findings in review order: the most urgent first, ties by area name. */
export function sortSignalsForReview<T extends OrderedSignal>(signals: readonly T[]): T[] {
  return [...signals].sort(compareFindingsForReview);
}

/** One area's findings over time: newest month first, then in review order within a month. */
export function sortSignalsNewestFirst<T extends OrderedSignal & { month: string }>(signals: readonly T[]): T[] {
  return [...signals].sort((a, b) => b.month.localeCompare(a.month) || compareFindingUrgency(a, b) || compareAreaNames(a, b));
}

/** How many findings of each kind, in review order, kinds without findings included as 0. */
export function countByKind(signals: readonly { kind: FindingKind }[]): { kind: FindingKind; count: number }[] {
  return FINDING_KIND_ORDER.map((kind) => ({ kind, count: signals.filter((signal) => signal.kind === kind).length }));
}
