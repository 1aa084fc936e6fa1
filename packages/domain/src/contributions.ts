import type { AreaMonthAssessment } from './assess-area.ts';
import { indexShare } from './indices.ts';
import {
  CENTRALISATION_COMPONENTS,
  OWNERSHIP_COMPONENTS,
  type CentralisationComponent,
  type DriftSettings,
  type OwnershipComponent,
} from './settings.ts';
import { FLOAT_TOLERANCE } from './tolerance.ts';
import { describeMove, type MonthSnapshot } from './wording.ts';

export type Side = 'ownership' | 'centralisation';

/** How much one component moved its index between t − W and t. */
export interface Contribution {
  side: Side;
  component: OwnershipComponent | CentralisationComponent;
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

/**
 * Every component's contribution, ownership side first. Each month's shares sum to its index,
 * so a side's contributions sum to its delta, even when a component drops out or comes back.
 */
export function contributionsBetween(
  before: MonthSnapshot,
  after: MonthSnapshot,
  settings: DriftSettings,
): Contribution[] {
  const ownership = sideContributions('ownership', OWNERSHIP_COMPONENTS, settings.weights.ownership, {
    valuesBefore: before.indices.ownershipComponents,
    valuesAfter: after.indices.ownershipComponents,
    weightBefore: before.indices.presentWeight.ownership,
    weightAfter: after.indices.presentWeight.ownership,
    before,
    after,
  });
  const centralisation = sideContributions(
    'centralisation',
    CENTRALISATION_COMPONENTS,
    settings.weights.centralisation,
    {
      valuesBefore: before.indices.centralisationComponents,
      valuesAfter: after.indices.centralisationComponents,
      weightBefore: before.indices.presentWeight.centralisation,
      weightAfter: after.indices.presentWeight.centralisation,
      before,
      after,
    },
  );
  return [...ownership, ...centralisation];
}

interface SideMonths<K extends string> {
  valuesBefore: Record<K, number | null>;
  valuesAfter: Record<K, number | null>;
  /** Σw(t−W) and Σw(t): each month's shares re-normalise over its own present components. */
  weightBefore: number;
  weightAfter: number;
  before: MonthSnapshot;
  after: MonthSnapshot;
}

function sideContributions<K extends OwnershipComponent | CentralisationComponent>(
  side: Side,
  components: readonly K[],
  weights: Record<K, number>,
  months: SideMonths<K>,
): Contribution[] {
  const { valuesBefore, valuesAfter, weightBefore, weightAfter, before, after } = months;

  return components.map((component) => {
    const valueBefore = valuesBefore[component];
    const valueAfter = valuesAfter[component];
    const weight = weights[component];
    const points = indexShare(valueAfter, weight, weightAfter) - indexShare(valueBefore, weight, weightBefore);
    const words = describeMove(component, before, after, points);
    // Written out rather than spread from parts: `{ ...words, more }` is far slower on Node 20,
    // and this runs eight times per area month.
    return {
      side,
      component,
      before: valueBefore,
      after: valueAfter,
      beforeText: words.beforeText,
      afterText: words.afterText,
      points,
      text: words.text,
    };
  });
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

export function largestMoves(contributions: readonly Contribution[], side: Side, count: number): Contribution[] {
  return contributions
    .filter((contribution) => contribution.side === side && Math.abs(contribution.points) > FLOAT_TOLERANCE)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points))
    .slice(0, count);
}
