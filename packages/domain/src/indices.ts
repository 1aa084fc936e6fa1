import type { MonthlyFigures } from './figures.ts';
import type { Month } from './month.ts';
import {
  CENTRALISATION_COMPONENTS,
  OWNERSHIP_COMPONENTS,
  type CentralisationComponent,
  type DriftSettings,
  type OwnershipComponent,
} from './settings.ts';

/** Component values in [0, 1]; null means left out of the index this month. */
export type OwnershipComponents = Record<OwnershipComponent, number | null>;
export type CentralisationComponents = Record<CentralisationComponent, number | null>;

/** dedicated / (dedicated + shared): the share of support the area owns. No support at all owns nothing. */
export function dedicatedShare(dedicated: number, shared: number): number {
  const total = dedicated + shared;
  return total === 0 ? 0 : dedicated / total;
}

/** count / (count + halfPoint): 0 with none, ½ at the settings constant, nearing 1 as the count grows. */
export function saturating(count: number, halfPoint: number): number {
  return count / (count + halfPoint);
}

/** part / total, or null when nothing happened this month, so the caller can carry the last value forward. */
export function shareOf(part: number, total: number): number | null {
  return total === 0 ? null : part / total;
}

/** Revenue actual / target as a ratio (1 = on target); none when there is no target to attain. */
export function revenueAttainment(figures: MonthlyFigures): number | null {
  return figures.revenueTarget === 0 ? null : figures.revenueActual / figures.revenueTarget;
}

/** 100 × the weighted mean of the components present: weights re-normalise over those. */
export function weightedIndex<K extends string>(
  components: Record<K, number | null>,
  weights: Record<K, number>,
  keys: readonly K[],
): number {
  let weightedSum = 0;
  for (const key of keys) {
    const value = components[key];
    if (value !== null) weightedSum += weights[key] * value;
  }
  return (100 * weightedSum) / presentWeight(components, weights, keys);
}

/** Σw over the components present this month: what the weights re-normalise to. */
export function presentWeight<K extends string>(
  components: Record<K, number | null>,
  weights: Record<K, number>,
  keys: readonly K[],
): number {
  let total = 0;
  for (const key of keys) if (components[key] !== null) total += weights[key];
  return total;
}

/**
 * A component's share of its index, 100 × wᵢ·cᵢ / Σw (0 when absent). A month's shares sum to
 * its index, which is why contributions, the differences of shares, sum to the delta.
 */
export function indexShare(value: number | null, weight: number, presentWeightOfMonth: number): number {
  return value === null ? 0 : (100 * weight * value) / presentWeightOfMonth;
}

/** One month's indices, with the month a carried-forward component came from. */
export interface MonthIndices {
  month: Month;
  ownershipComponents: OwnershipComponents;
  centralisationComponents: CentralisationComponents;
  ownershipIndex: number;
  centralisationIndex: number;
  revenueAttainment: number | null;
  /** Σw over the components present on each side this month: what the weights re-normalise to. */
  presentWeight: { ownership: number; centralisation: number };
  /** Set when the month had no hires (or no decisions) and used an earlier month's value. */
  carriedForward: { hiring: Month | null; centralDecisions: Month | null };
}

interface Observation {
  value: number;
  month: Month;
}

/**
 * Indices for one area's months, which must be sorted oldest first. Hiring and central decisions
 * in a month without any take the latest earlier month that had some, however far back and
 * across gaps; with none earlier they are left out.
 */
export function indicesOverTime(sortedFigures: readonly MonthlyFigures[], settings: DriftSettings): MonthIndices[] {
  let lastHiring: Observation | null = null;
  let lastDecisions: Observation | null = null;

  return sortedFigures.map((figures) => {
    const ownHiring = shareOf(figures.hiresLeadOwned, figures.hiresTotal);
    const hiringCarried = ownHiring === null ? lastHiring : null;
    if (ownHiring !== null) lastHiring = { value: ownHiring, month: figures.month };

    const ownDecisions = shareOf(figures.decisionsCentral, figures.decisionsTotal);
    const decisionsCarried = ownDecisions === null ? lastDecisions : null;
    if (ownDecisions !== null) lastDecisions = { value: ownDecisions, month: figures.month };

    const ownershipComponents: OwnershipComponents = {
      marketing: dedicatedShare(figures.marketingDedicatedFte, figures.marketingSharedFte),
      sales: dedicatedShare(figures.salesDedicatedFte, figures.salesSharedFte),
      hiring: ownHiring ?? hiringCarried?.value ?? null,
      target: figures.targetOwner === 'area' ? 1 : 0,
    };
    const { saturation } = settings;
    const centralisationComponents: CentralisationComponents = {
      dependencies: saturating(figures.sharedServiceDependencies, saturation.dependencies),
      processes: saturating(figures.mandatoryProcesses, saturation.processes),
      latency: saturating(figures.approvalLatencyDays, saturation.latencyDays),
      centralDecisions: ownDecisions ?? decisionsCarried?.value ?? null,
    };

    const { ownership, centralisation } = settings.weights;
    return {
      month: figures.month,
      ownershipComponents,
      centralisationComponents,
      ownershipIndex: weightedIndex(ownershipComponents, ownership, OWNERSHIP_COMPONENTS),
      centralisationIndex: weightedIndex(centralisationComponents, centralisation, CENTRALISATION_COMPONENTS),
      revenueAttainment: revenueAttainment(figures),
      presentWeight: {
        ownership: presentWeight(ownershipComponents, ownership, OWNERSHIP_COMPONENTS),
        centralisation: presentWeight(centralisationComponents, centralisation, CENTRALISATION_COMPONENTS),
      },
      carriedForward: { hiring: hiringCarried?.month ?? null, centralDecisions: decisionsCarried?.month ?? null },
    };
  });
}
