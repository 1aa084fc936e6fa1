import type { AreaMonthAssessment } from './assess-area.ts';
import { indexShare, type IndexSeries } from './indices.ts';
import type { DriftSettings } from './settings.ts';
import { FLOAT_TOLERANCE } from './tolerance.ts';
import { moveText, valueText, type Component, type MonthSnapshot } from './wording.ts';

export type Side = 'ownership' | 'centralisation';

/** How much one component moved its index between t − W and t. */
export interface Contribution {
  side: Side;
  component: Component;
  /** Component values in [0, 1]; null when the component was left out that month. */
  before: number | null;
  after: number | null;
  /** The same values in the component's own units, e.g. "90%", "4 dependencies", "12 days". */
  beforeText: string;
  afterText: string;
  /** Points of the index, unrounded: 100 × (wᵢ·cᵢ(t)/Σw(t) − wᵢ·cᵢ(t−W)/Σw(t−W)). */
  points: number;
  /** e.g. "hiring owned by the lead 90% → 30%: −15.0 pts". */
  text: string;
}

/** Each component's contribution in points, unworded: what is stored for every month with a complete window. */
export interface ContributionPoints {
  marketing: number;
  sales: number;
  hiring: number;
  target: number;
  dependencies: number;
  processes: number;
  latency: number;
  centralDecisions: number;
}

/**
 * The points of `contributionsBetween` for entries `before` and `after` of an index series, without
 * the wording: cheap enough to keep for every month, while the words are made only for findings.
 */
export function contributionPointsBetween(
  series: IndexSeries,
  before: number,
  after: number,
  settings: DriftSettings,
): ContributionPoints {
  const o = settings.weights.ownership;
  const c = settings.weights.centralisation;
  const oBefore = series.ownershipComponents[before]!;
  const oAfter = series.ownershipComponents[after]!;
  const cBefore = series.centralisationComponents[before]!;
  const cAfter = series.centralisationComponents[after]!;
  const oWeightBefore = series.ownershipWeight[before]!;
  const oWeightAfter = series.ownershipWeight[after]!;
  const cWeightBefore = series.centralisationWeight[before]!;
  const cWeightAfter = series.centralisationWeight[after]!;
  const points = (valueBefore: number | null, valueAfter: number | null, weight: number, wBefore: number, wAfter: number) =>
    indexShare(valueAfter, weight, wAfter) - indexShare(valueBefore, weight, wBefore);
  return {
    marketing: points(oBefore.marketing, oAfter.marketing, o.marketing, oWeightBefore, oWeightAfter),
    sales: points(oBefore.sales, oAfter.sales, o.sales, oWeightBefore, oWeightAfter),
    hiring: points(oBefore.hiring, oAfter.hiring, o.hiring, oWeightBefore, oWeightAfter),
    target: points(oBefore.target, oAfter.target, o.target, oWeightBefore, oWeightAfter),
    dependencies: points(cBefore.dependencies, cAfter.dependencies, c.dependencies, cWeightBefore, cWeightAfter),
    processes: points(cBefore.processes, cAfter.processes, c.processes, cWeightBefore, cWeightAfter),
    latency: points(cBefore.latency, cAfter.latency, c.latency, cWeightBefore, cWeightAfter),
    centralDecisions: points(cBefore.centralDecisions, cAfter.centralDecisions, c.centralDecisions, cWeightBefore, cWeightAfter),
  };
}

/**
 * Every component's contribution, ownership side first. Each month's shares sum to its index,
 * so a side's contributions sum to its delta, even when a component drops out or comes back.
 *
 * Written out component by component rather than looped over the component names: reading
 * `values[name]` with a changing name is a slow, generic lookup, and this runs for every month a
 * finding explains (every month with a complete window, with contributions 'all').
 */
export function contributionsBetween(
  before: MonthSnapshot,
  after: MonthSnapshot,
  settings: DriftSettings,
): Contribution[] {
  // Each side's component values before and after, and its weights (o: ownership, c: centralisation).
  const oBefore = before.indices.ownershipComponents;
  const oAfter = after.indices.ownershipComponents;
  const oWeight = settings.weights.ownership;
  const cBefore = before.indices.centralisationComponents;
  const cAfter = after.indices.centralisationComponents;
  const cWeight = settings.weights.centralisation;
  return [
    move(before, after, 'ownership', 'marketing', oBefore.marketing, oAfter.marketing, oWeight.marketing),
    move(before, after, 'ownership', 'sales', oBefore.sales, oAfter.sales, oWeight.sales),
    move(before, after, 'ownership', 'hiring', oBefore.hiring, oAfter.hiring, oWeight.hiring),
    move(before, after, 'ownership', 'target', oBefore.target, oAfter.target, oWeight.target),
    move(before, after, 'centralisation', 'dependencies', cBefore.dependencies, cAfter.dependencies, cWeight.dependencies),
    move(before, after, 'centralisation', 'processes', cBefore.processes, cAfter.processes, cWeight.processes),
    move(before, after, 'centralisation', 'latency', cBefore.latency, cAfter.latency, cWeight.latency),
    move(
      before,
      after,
      'centralisation',
      'centralDecisions',
      cBefore.centralDecisions,
      cAfter.centralDecisions,
      cWeight.centralDecisions,
    ),
  ];
}

/**
 * One component's contribution, 100 × (wᵢ·cᵢ(t)/Σw(t) − wᵢ·cᵢ(t−W)/Σw(t−W)), with each month's
 * Σw over its own present components. Built in one literal, its properties always in this order,
 * so every contribution shares one hidden class (spreading a words object in was far slower).
 */
function move(
  before: MonthSnapshot,
  after: MonthSnapshot,
  side: Side,
  component: Component,
  valueBefore: number | null,
  valueAfter: number | null,
  weight: number,
): Contribution {
  const points =
    indexShare(valueAfter, weight, after.indices.presentWeight[side]) -
    indexShare(valueBefore, weight, before.indices.presentWeight[side]);
  const beforeText = valueText(component, valueBefore, before.figures);
  const afterText = valueText(component, valueAfter, after.figures);
  return {
    side,
    component,
    before: valueBefore,
    after: valueAfter,
    beforeText,
    afterText,
    points,
    text: moveText(component, before, after, beforeText, afterText, points),
  };
}

/**
 * The explanation of a signal: on each side, the components that moved the index most (by size
 * of contribution, only those that moved at all), ownership first. Empty without a complete window.
 */
export function explainDrift(assessment: Pick<AreaMonthAssessment, 'contributions'>, perSide = 2): Contribution[] {
  return [
    ...largestMoves(assessment.contributions, 'ownership', perSide),
    ...largestMoves(assessment.contributions, 'centralisation', perSide),
  ];
}

/**
 * The `count` contributions of one side that moved its index most, largest first, ties in their
 * original order; only those that moved at all. Picked in one pass into a list of at most
 * `count`, rather than by filtering and sorting copies: this runs for every finding.
 */
export function largestMoves(contributions: readonly Contribution[], side: Side, count: number): Contribution[] {
  const largest: Contribution[] = [];
  for (const contribution of contributions) {
    const size = Math.abs(contribution.points);
    if (contribution.side !== side || !(size > FLOAT_TOLERANCE)) continue;
    let at = largest.length;
    while (at > 0 && Math.abs(largest[at - 1]!.points) < size) at--; // after any of the same size
    if (at >= count) continue;
    largest.splice(at, 0, contribution);
    if (largest.length > count) largest.pop();
  }
  return largest;
}
