import { contributionPointsBetween, contributionsBetween, type Contribution, type ContributionPoints } from './contributions.ts';
import { driftMagnitude, driftSeverity, isChipotleDrift, isOwnershipFall, type Drift, type DriftState } from './drift.ts';
import { figuresProblems, hasUsableNumbers, type MonthlyFigures } from './figures.ts';
import {
  indexSeries,
  monthIndicesAt,
  type CentralisationComponents,
  type IndexSeries,
  type MonthIndices,
  type OwnershipComponents,
} from './indices.ts';
import { parseMonthIndex, type Month } from './month.ts';
import { assertValidSettings, DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';
import type { MonthSnapshot } from './wording.ts';

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
  /** Every component's contribution in points; null unless the window is complete. Sums per side equal the deltas. */
  contributionPoints: ContributionPoints | null;
  /** The same contributions worded, for the months `ContributionsMode` asks for; empty otherwise. */
  contributions: Contribution[];
}

/**
 * Which months get their contributions, the costly part of an assessment (eight worded
 * components each): `'all'` every month with a complete window; `'findings'` only the months a
 * finding explains, Chipotle drift or ownership erosion (`isOwnershipFall`), which is all
 * `detectFindings` reads; `'none'` no month. The others get an empty list.
 */
export type ContributionsMode = 'all' | 'findings' | 'none';
export interface AssessOptions {
  /** Default `'all'`. */
  contributions?: ContributionsMode;
}

/**
 * Assesses one area's months, given in any order (gaps allowed, no duplicates), with one
 * assessment per month, oldest first. Throws a RangeError on a duplicate month, on figures the
 * formulas cannot use, or on invalid settings: those are bugs upstream, not data to guess around.
 */
export function assessArea(
  months: readonly MonthlyFigures[],
  settings: DriftSettings = DEFAULT_SETTINGS,
  options: AssessOptions = {},
): AreaMonthAssessment[] {
  assertValidSettings(settings);
  const mode = options.contributions ?? 'all';
  if (mode !== 'all' && mode !== 'findings' && mode !== 'none') {
    throw new RangeError(`contributions must be 'all', 'findings' or 'none', got ${JSON.stringify(mode)}`);
  }
  const { figures, calendar } = sortedByMonth(months);
  const series = indexSeries(figures, settings);
  const window = settings.windowMonths;

  const assessments: AreaMonthAssessment[] = new Array(figures.length);
  for (let i = 0; i < figures.length; i++) {
    // Sorted and unique, so months t−W..t are all present exactly when the entry W places
    // back is W calendar months back.
    const start = i - window;
    const month = figures[i]!.month;
    if (start < 0 || calendar[start] !== calendar[i]! - window) {
      assessments[i] = assessment(month, series, i, 'insufficient_data', null, null, null, null, []); // never a guess
      continue;
    }

    const ownershipDelta = series.ownershipIndex[i]! - series.ownershipIndex[start]!;
    const centralisationDelta = series.centralisationIndex[i]! - series.centralisationIndex[start]!;
    const explained = mode === 'all' || (mode === 'findings' && isOwnershipFall(ownershipDelta, settings));
    const contributions = explained
      ? contributionsBetween(snapshot(figures, series, start), snapshot(figures, series, i), settings)
      : [];
    const drift = isChipotleDrift(ownershipDelta, centralisationDelta, settings)
      ? driftOf(ownershipDelta, centralisationDelta, runBefore(assessments, i), settings)
      : null;
    const state = drift === null ? 'clear' : 'drift';
    const points = contributionPointsBetween(series, start, i, settings);
    assessments[i] = assessment(month, series, i, state, ownershipDelta, centralisationDelta, drift, points, contributions);
  }
  return assessments;
}

// Written out in full rather than spread from a shared part: on Node 20, `{ ...part, more }` is
// about a hundred times slower, and this runs once per area month.
function assessment(
  month: Month,
  series: IndexSeries,
  i: number,
  driftState: DriftState,
  ownershipDelta: number | null,
  centralisationDelta: number | null,
  drift: Drift | null,
  contributionPoints: ContributionPoints | null,
  contributions: Contribution[],
): AreaMonthAssessment {
  return {
    month,
    ownershipIndex: series.ownershipIndex[i]!,
    centralisationIndex: series.centralisationIndex[i]!,
    revenueAttainment: series.revenueAttainment[i] ?? null,
    ownershipComponents: series.ownershipComponents[i]!,
    centralisationComponents: series.centralisationComponents[i]!,
    carriedForward: series.carriedForward[i]!,
    driftState,
    ownershipDelta,
    centralisationDelta,
    drift,
    contributionPoints,
    contributions,
  };
}

function snapshot(figures: readonly MonthlyFigures[], series: IndexSeries, i: number): MonthSnapshot {
  return { figures: figures[i]!, indices: monthIndicesAt(series, i, figures[i]!.month) };
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

/**
 * The figures oldest first, with each month as a number. Every row is checked on the way
 * (`hasUsableNumbers` and the month's own parse are the allocation-free form of
 * `figuresProblems`, which words the error). Rows usually come sorted from the database; then
 * the input itself is used and nothing is copied.
 */
function sortedByMonth(months: readonly MonthlyFigures[]): {
  figures: readonly MonthlyFigures[];
  calendar: readonly number[];
} {
  const calendar: number[] = new Array(months.length);
  let ascending = true;
  for (let i = 0; i < months.length; i++) {
    const row = months[i]!;
    const position = parseMonthIndex(row.month);
    if (position < 0 || !hasUsableNumbers(row)) {
      throw new RangeError(`figures for ${row.month}: ${figuresProblems(row).join('; ')}`);
    }
    calendar[i] = position;
    if (i > 0 && position <= calendar[i - 1]!) ascending = false;
  }
  if (ascending) return { figures: months, calendar }; // strictly ascending, so no duplicates

  const order = calendar.map((_, i) => i).sort((a, b) => calendar[a]! - calendar[b]!);
  for (let k = 1; k < order.length; k++) {
    if (calendar[order[k]!] === calendar[order[k - 1]!]) {
      throw new RangeError(`two sets of figures for ${months[order[k]!]!.month}; an area has one per month`);
    }
  }
  return { figures: order.map((i) => months[i]!), calendar: order.map((i) => calendar[i]!) };
}
