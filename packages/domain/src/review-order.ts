import { compareSeverity, driftMagnitude, type Severity } from './drift.ts';
import type { FindingKind } from './findings.ts';

/**
 * The order the monthly scaling review walks a month's findings in: Chipotle drift first (it is
 * what the product exists to show), then ownership erosion, then revenue misses; within a kind
 * the most severe first, then the strongest; ties by area name.
 */
export const FINDING_KIND_ORDER: readonly FindingKind[] = ['chipotle_drift', 'ownership_erosion', 'revenue_miss'];

export interface RankedFinding {
  kind: FindingKind;
  severity: Severity;
  ownershipDelta: number | null;
  centralisationDelta: number | null;
}

/**
 * How strong a finding is within its severity, in points: m = min(ΔCI, −ΔOI) for drift, the fall
 * in ownership for erosion; 0 where the deltas do not apply (a revenue miss).
 */
export function findingMagnitude({ kind, ownershipDelta, centralisationDelta }: RankedFinding): number {
  if (kind === 'chipotle_drift' && ownershipDelta !== null && centralisationDelta !== null) {
    return driftMagnitude(ownershipDelta, centralisationDelta);
  }
  if (kind === 'ownership_erosion' && ownershipDelta !== null) return -ownershipDelta;
  return 0;
}

/** Kind, then severity (critical first), then magnitude (strongest first). */
export function compareFindingUrgency(a: RankedFinding, b: RankedFinding): number {
  return (
    FINDING_KIND_ORDER.indexOf(a.kind) - FINDING_KIND_ORDER.indexOf(b.kind) ||
    compareSeverity(b.severity, a.severity) ||
    findingMagnitude(b) - findingMagnitude(a)
  );
}

/** Review order for one month's findings: the most urgent first, ties by area name, then slug. */
export function compareFindingsForReview<T extends RankedFinding & { areaName: string; areaSlug: string }>(a: T, b: T): number {
  return compareFindingUrgency(a, b) || compareAreaNames(a, b);
}

export function compareAreaNames(a: { areaName: string; areaSlug: string }, b: { areaName: string; areaSlug: string }): number {
  return a.areaName.localeCompare(b.areaName, 'en-GB', { sensitivity: 'base' }) || a.areaSlug.localeCompare(b.areaSlug);
}
