import type { FindingKind, Severity, Signal } from '@autonomy/contracts';

/** Chipotle drift is what the product exists to show; the lesser findings follow it. */
export const KIND_ORDER: readonly FindingKind[] = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];
const SEVERITY_ORDER: readonly Severity[] = ['critical', 'warning', 'watch'];

/**
 * How strong a finding is within its severity, in points: the brief's m = min(ΔCI, −ΔOI) for
 * drift, the fall in ownership for erosion; 0 when the deltas do not apply (a revenue miss).
 */
export function signalMagnitude(signal: Signal): number {
  const { ownershipDelta, centralisationDelta } = signal;
  if (signal.kind === 'chipotle_drift' && ownershipDelta !== null && centralisationDelta !== null) {
    return Math.min(centralisationDelta, -ownershipDelta);
  }
  if (signal.kind === 'ownership_erosion' && ownershipDelta !== null) return -ownershipDelta;
  return 0;
}

/** Drift before erosion before revenue misses; within a kind, critical first, then the stronger finding. */
export function compareSignalUrgency(a: Signal, b: Signal): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    signalMagnitude(b) - signalMagnitude(a)
  );
}

function compareAreas(a: Signal, b: Signal): number {
  return a.areaName.localeCompare(b.areaName, 'en-GB', { sensitivity: 'base' }) || a.areaSlug.localeCompare(b.areaSlug);
}

/** One month's findings in review order: the most urgent first, ties by area name. */
export function sortSignalsForReview(signals: readonly Signal[]): Signal[] {
  return [...signals].sort((a, b) => compareSignalUrgency(a, b) || compareAreas(a, b));
}

/** One area's findings over time: newest month first, then in review order within a month. */
export function sortSignalsNewestFirst(signals: readonly Signal[]): Signal[] {
  return [...signals].sort((a, b) => b.month.localeCompare(a.month) || compareSignalUrgency(a, b) || compareAreas(a, b));
}

/** How many findings of each kind, in review order, kinds without findings included as 0. */
export function countByKind(signals: readonly Signal[]): { kind: FindingKind; count: number }[] {
  return KIND_ORDER.map((kind) => ({ kind, count: signals.filter((signal) => signal.kind === kind).length }));
}
