import type { MonthlyFigures } from './figures.ts';
import type { Month } from './month.ts';
import type { CentralisationComponent, DriftSettings, OwnershipComponent } from './settings.ts';

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

/**
 * One area's indices, month by month, as parallel columns (entry i is the i-th sorted month):
 * what `assessArea` reads. Columns rather than a `MonthIndices` object per month, because the
 * assessment keeps only some of it; whole `MonthIndices` are made for the months that need them.
 */
export interface IndexSeries {
  ownershipComponents: OwnershipComponents[];
  centralisationComponents: CentralisationComponents[];
  ownershipIndex: number[];
  centralisationIndex: number[];
  revenueAttainment: (number | null)[];
  /** Σw over the components present each month, per side. */
  ownershipWeight: number[];
  centralisationWeight: number[];
  carriedForward: MonthIndices['carriedForward'][];
}

/** Indices for one area's months, which must be sorted oldest first (see `indexSeries`). */
export function indicesOverTime(sortedFigures: readonly MonthlyFigures[], settings: DriftSettings): MonthIndices[] {
  const series = indexSeries(sortedFigures, settings);
  return sortedFigures.map((figures, i) => monthIndicesAt(series, i, figures.month));
}

export function monthIndicesAt(series: IndexSeries, i: number, month: Month): MonthIndices {
  return {
    month,
    ownershipComponents: series.ownershipComponents[i]!,
    centralisationComponents: series.centralisationComponents[i]!,
    ownershipIndex: series.ownershipIndex[i]!,
    centralisationIndex: series.centralisationIndex[i]!,
    revenueAttainment: series.revenueAttainment[i] ?? null,
    presentWeight: { ownership: series.ownershipWeight[i]!, centralisation: series.centralisationWeight[i]! },
    carriedForward: series.carriedForward[i]!,
  };
}

/**
 * Indices for one area's months, which must be sorted oldest first. Hiring and central decisions
 * in a month without any take the latest earlier month that had some, however far back and
 * across gaps; with none earlier they are left out.
 *
 * Shaped for speed, as it runs once per area month: weights and constants are read into locals
 * once, and each index is `weightedIndex` written out, summing in the same order (marketing,
 * sales, hiring, target; dependencies, processes, latency, decisions) so the results are the same
 * to the last bit. The generic version over keyed records costs several times the arithmetic.
 */
export function indexSeries(sortedFigures: readonly MonthlyFigures[], settings: DriftSettings): IndexSeries {
  const { marketing: wMarketing, sales: wSales, hiring: wHiring, target: wTarget } = settings.weights.ownership;
  const {
    dependencies: wDependencies,
    processes: wProcesses,
    latency: wLatency,
    centralDecisions: wDecisions,
  } = settings.weights.centralisation;
  const { dependencies: halfDependencies, processes: halfProcesses, latencyDays: halfLatency } = settings.saturation;

  let lastHiring: number | null = null;
  let lastHiringMonth: Month | null = null;
  let lastDecisions: number | null = null;
  let lastDecisionsMonth: Month | null = null;

  // Each column made at its full length once, rather than grown month by month.
  const n = sortedFigures.length;
  const series: IndexSeries = {
    ownershipComponents: new Array(n),
    centralisationComponents: new Array(n),
    ownershipIndex: new Array(n),
    centralisationIndex: new Array(n),
    revenueAttainment: new Array(n),
    ownershipWeight: new Array(n),
    centralisationWeight: new Array(n),
    carriedForward: new Array(n),
  };
  for (let i = 0; i < n; i++) {
    const figures = sortedFigures[i]!;
    const ownHiring = shareOf(figures.hiresLeadOwned, figures.hiresTotal);
    const hiringCarriedFrom = ownHiring === null ? lastHiringMonth : null;
    if (ownHiring !== null) {
      lastHiring = ownHiring;
      lastHiringMonth = figures.month;
    }
    const ownDecisions = shareOf(figures.decisionsCentral, figures.decisionsTotal);
    const decisionsCarriedFrom = ownDecisions === null ? lastDecisionsMonth : null;
    if (ownDecisions !== null) {
      lastDecisions = ownDecisions;
      lastDecisionsMonth = figures.month;
    }

    const marketing = dedicatedShare(figures.marketingDedicatedFte, figures.marketingSharedFte);
    const sales = dedicatedShare(figures.salesDedicatedFte, figures.salesSharedFte);
    const hiring = ownHiring ?? lastHiring; // lastHiring is this month's own value when there is one
    const target = figures.targetOwner === 'area' ? 1 : 0;
    let ownershipSum = wMarketing * marketing + wSales * sales;
    let ownershipWeight = wMarketing + wSales;
    if (hiring !== null) {
      ownershipSum += wHiring * hiring;
      ownershipWeight += wHiring;
    }
    ownershipSum += wTarget * target;
    ownershipWeight += wTarget;

    const dependencies = saturating(figures.sharedServiceDependencies, halfDependencies);
    const processes = saturating(figures.mandatoryProcesses, halfProcesses);
    const latency = saturating(figures.approvalLatencyDays, halfLatency);
    const centralDecisions = ownDecisions ?? lastDecisions;
    let centralisationSum = wDependencies * dependencies + wProcesses * processes + wLatency * latency;
    let centralisationWeight = wDependencies + wProcesses + wLatency;
    if (centralDecisions !== null) {
      centralisationSum += wDecisions * centralDecisions;
      centralisationWeight += wDecisions;
    }

    series.ownershipComponents[i] = { marketing, sales, hiring, target };
    series.centralisationComponents[i] = { dependencies, processes, latency, centralDecisions };
    series.ownershipIndex[i] = (100 * ownershipSum) / ownershipWeight;
    series.centralisationIndex[i] = (100 * centralisationSum) / centralisationWeight;
    series.revenueAttainment[i] = revenueAttainment(figures);
    series.ownershipWeight[i] = ownershipWeight;
    series.centralisationWeight[i] = centralisationWeight;
    series.carriedForward[i] = { hiring: hiringCarriedFrom, centralDecisions: decisionsCarriedFrom };
  }
  return series;
}
