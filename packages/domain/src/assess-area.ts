import { contributionsBetween, type Contribution } from './contributions.ts';
import { driftMagnitude, driftSeverity, isChipotleDrift, type Drift, type DriftState } from './drift.ts';
import { figuresProblems, type MonthlyFigures } from './figures.ts';
import {
  indicesOverTime,
  type CentralisationComponents,
  type MonthIndices,
  type OwnershipComponents,
} from './indices.ts';
import { monthIndex, type Month } from './month.ts';
import { assertValidSettings, DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';

/** Everything the dashboard shows for one area in one month. */
export interface AreaMonthAssessment {
  month: Month;
  /** 0..100, unrounded. */
  ownershipIndex: number;
  centralisationIndex: number;
  /** actual / target; null when the target is 0. */
  revenueAttainment: number | null;
  /** null = left out of the index (hiring with no hires ever, decisions with none ever). */
  ownershipComponents: OwnershipComponents;
  centralisationComponents: CentralisationComponents;
  /** The earlier month a carried-forward hiring or decisions value came from; null when not carried. */
  carriedForward: MonthIndices['carriedForward'];
  driftState: DriftState;
  /** OI(t) − OI(t−W) and CI(t) − CI(t−W); null unless the window is complete. */
  ownershipDelta: number | null;
  centralisationDelta: number | null;
  /** null unless driftState is 'drift'. */
  drift: Drift | null;
  /** Every component's contribution; empty unless the window is complete. Sums per side equal the deltas. */
  contributions: Contribution[];
}

/**
 * Assesses one area's months, given in any order (gaps allowed, no duplicates), with one
 * assessment per month, oldest first. Throws a RangeError on a duplicate month, on figures the
 * formulas cannot use, or on invalid settings: those are bugs upstream, not data to guess around.
 */
export function assessArea(
  months: readonly MonthlyFigures[],
  settings: DriftSettings = DEFAULT_SETTINGS,
): AreaMonthAssessment[] {
  assertValidSettings(settings);
  const { figures, calendar } = sortedByMonth(months);
  const indices = indicesOverTime(figures, settings);
  const window = settings.windowMonths;

  const assessments: AreaMonthAssessment[] = [];
  for (let i = 0; i < figures.length; i++) {
    const now = indices[i]!;
    // Sorted and unique, so months t−W..t are all present exactly when the entry W places
    // back is W calendar months back.
    const start = i - window;
    if (start < 0 || calendar[start] !== calendar[i]! - window) {
      assessments.push(assessment(now, 'insufficient_data', null, null, null, [])); // never a guess
      continue;
    }

    const then = indices[start]!;
    const ownershipDelta = now.ownershipIndex - then.ownershipIndex;
    const centralisationDelta = now.centralisationIndex - then.centralisationIndex;
    const contributions = contributionsBetween(
      { figures: figures[start]!, indices: then },
      { figures: figures[i]!, indices: now },
      settings,
    );
    const drift = isChipotleDrift(ownershipDelta, centralisationDelta, settings)
      ? driftOf(ownershipDelta, centralisationDelta, runBefore(assessments, i), settings)
      : null;
    assessments.push(
      assessment(now, drift === null ? 'clear' : 'drift', ownershipDelta, centralisationDelta, drift, contributions),
    );
  }
  return assessments;
}

// Written out in full rather than spread from a shared part: on Node 20, `{ ...part, more }` is
// about a hundred times slower, and this runs once per area month.
function assessment(
  now: MonthIndices,
  driftState: DriftState,
  ownershipDelta: number | null,
  centralisationDelta: number | null,
  drift: Drift | null,
  contributions: Contribution[],
): AreaMonthAssessment {
  return {
    month: now.month,
    ownershipIndex: now.ownershipIndex,
    centralisationIndex: now.centralisationIndex,
    revenueAttainment: now.revenueAttainment,
    ownershipComponents: now.ownershipComponents,
    centralisationComponents: now.centralisationComponents,
    carriedForward: now.carriedForward,
    driftState,
    ownershipDelta,
    centralisationDelta,
    drift,
    contributions,
  };
}

function driftOf(
  ownershipDelta: number,
  centralisationDelta: number,
  monthsInDriftBefore: number,
  settings: DriftSettings,
): Drift {
  const magnitude = driftMagnitude(ownershipDelta, centralisationDelta);
  const consecutiveMonths = monthsInDriftBefore + 1;
  return { severity: driftSeverity(magnitude, consecutiveMonths, settings), magnitude, consecutiveMonths };
}

/**
 * The drift run ending the calendar month before entry i. Only a month in drift asks, and its
 * window is complete, so that month is the entry just before it; a missing month or one without
 * enough data has no drift and so ends the run.
 */
function runBefore(assessments: readonly AreaMonthAssessment[], i: number): number {
  return assessments[i - 1]?.drift?.consecutiveMonths ?? 0;
}

function sortedByMonth(months: readonly MonthlyFigures[]): { figures: MonthlyFigures[]; calendar: number[] } {
  for (const figures of months) {
    const problems = figuresProblems(figures);
    if (problems.length > 0) throw new RangeError(`figures for ${figures.month}: ${problems.join('; ')}`);
  }
  const figures = months
    .map((row) => ({ row, position: monthIndex(row.month) }))
    .sort((a, b) => a.position - b.position);
  for (let i = 1; i < figures.length; i++) {
    if (figures[i]!.position === figures[i - 1]!.position) {
      throw new RangeError(`two sets of figures for ${figures[i]!.row.month}; an area has one per month`);
    }
  }
  return { figures: figures.map((entry) => entry.row), calendar: figures.map((entry) => entry.position) };
}
