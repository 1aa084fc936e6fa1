import type { AreaMonthAssessment } from './assess-area.ts';
import type { Month } from './month.ts';

/** The portfolio in one month, as the executives' first screen shows it. */
export interface OrganisationSummary {
  month: Month;
  /** Means over the areas with figures this month; null when none has. */
  ownershipIndex: number | null;
  centralisationIndex: number | null;
  /** Means of the deltas of the areas with a complete window; null when none has. */
  ownershipDelta: number | null;
  centralisationDelta: number | null;
  areasWithFigures: number;
  areasWithCompleteWindow: number;
  areasInDrift: number;
  /** Areas in drift over areas with a complete window; null when no area has one. */
  shareInDrift: number | null;
}

/** What the organisation summary reads of an assessment: a stored one will do. */
export type SummarisedAssessment = Pick<
  AreaMonthAssessment,
  'month' | 'ownershipIndex' | 'centralisationIndex' | 'ownershipDelta' | 'centralisationDelta' | 'driftState'
>;

/**
 * Sums up one month over the active areas' assessments (the caller leaves archived areas out),
 * one per area. Assessments of other months are ignored, so a caller may pass whole histories.
 */
export function summariseOrganisation(month: Month, assessments: readonly SummarisedAssessment[]): OrganisationSummary {
  const withFigures = assessments.filter((assessment) => assessment.month === month);
  const withCompleteWindow = withFigures.filter(hasCompleteWindow);
  const areasInDrift = withCompleteWindow.filter((assessment) => assessment.driftState === 'drift').length;

  return {
    month,
    ownershipIndex: mean(withFigures.map((assessment) => assessment.ownershipIndex)),
    centralisationIndex: mean(withFigures.map((assessment) => assessment.centralisationIndex)),
    ownershipDelta: mean(withCompleteWindow.map((assessment) => assessment.ownershipDelta)),
    centralisationDelta: mean(withCompleteWindow.map((assessment) => assessment.centralisationDelta)),
    areasWithFigures: withFigures.length,
    areasWithCompleteWindow: withCompleteWindow.length,
    areasInDrift,
    shareInDrift: withCompleteWindow.length === 0 ? null : areasInDrift / withCompleteWindow.length,
  };
}

type WithDeltas = SummarisedAssessment & { ownershipDelta: number; centralisationDelta: number };

function hasCompleteWindow(assessment: SummarisedAssessment): assessment is WithDeltas {
  return assessment.ownershipDelta !== null && assessment.centralisationDelta !== null;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
