import { assessArea, type AreaMonthAssessment } from './assess-area.ts';
import { explainDrift, largestMoves, type Contribution } from './contributions.ts';
import { isOwnershipFall, type Severity } from './drift.ts';
import type { MonthlyFigures } from './figures.ts';
import { monthIndex, type Month } from './month.ts';
import { DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';
import { isBelow } from './tolerance.ts';

export type FindingKind = 'chipotle_drift' | 'ownership_erosion' | 'revenue_miss';

/**
 * Something worth a leader's attention in one area and month.
 *
 * `explanation` is always a list of sentences, whatever the kind, so a signal list can print it
 * without knowing the kind: for drift and erosion the text of each explaining contribution, for a
 * revenue miss the months that missed. The same contributions, as data, are in `contributions`
 * (empty for a revenue miss).
 */
export interface Finding {
  kind: FindingKind;
  month: Month;
  severity: Severity;
  ownershipDelta: number | null;
  centralisationDelta: number | null;
  explanation: string[];
  contributions: Contribution[];
}

/** A revenue miss is target missed this many calendar months running, this month included. */
export const REVENUE_MISS_MONTHS = 3;
/** Below this mean attainment over those months, a revenue miss is a warning rather than a watch. */
export const REVENUE_MISS_WARNING_MEAN = 0.8;
/** Components named in an explanation, per side. */
export const EXPLAINED_PER_SIDE = 2;

/**
 * All findings for one area across its months, oldest first; within a month, the drift or erosion
 * finding before the revenue miss. A month has Chipotle drift or ownership erosion, never both:
 * erosion is the lesser finding for ownership falling while centralisation does not rise enough.
 * `settings` should be those the assessments were made with (erosion uses the fall threshold).
 *
 * The assessments may come in any order, one per month (a duplicate month throws a RangeError),
 * made with contributions `'all'` or `'findings'`: a month to explain without contributions
 * (assessed with `'none'`, or with other settings) throws rather than yield a bare finding.
 */
export function detectFindings(
  assessments: readonly AreaMonthAssessment[],
  settings: DriftSettings = DEFAULT_SETTINGS,
): Finding[] {
  const { inOrder, calendar } = chronological(assessments);
  const findings: Finding[] = [];
  // Revenue misses by counting, in the same pass, the run of calendar months below target that
  // ends with this one, rather than looking up each month's predecessors by month.
  let monthsMissed = 0;
  for (let i = 0; i < inOrder.length; i++) {
    const assessment = inOrder[i]!;
    const movement = chipotleDrift(assessment) ?? ownershipErosion(assessment, settings);
    if (movement !== null) findings.push(movement);

    const attainment = assessment.revenueAttainment;
    const missed = attainment !== null && isBelow(attainment, 1);
    const followsOn = i > 0 && calendar[i] === calendar[i - 1]! + 1;
    monthsMissed = missed ? (followsOn ? monthsMissed + 1 : 1) : 0;
    if (monthsMissed >= REVENUE_MISS_MONTHS) findings.push(revenueMiss(inOrder, i));
  }
  return findings;
}

/**
 * `detectFindings(assessArea(months, settings, { contributions: 'findings' }), settings)`: an
 * area's findings from its figures, wording contributions only for the months they explain. What
 * a recomputation of signals calls, area by area.
 */
export function findingsForArea(
  months: readonly MonthlyFigures[],
  settings: DriftSettings = DEFAULT_SETTINGS,
): Finding[] {
  return detectFindings(assessArea(months, settings, { contributions: 'findings' }), settings);
}

function chipotleDrift(assessment: AreaMonthAssessment): Finding | null {
  if (assessment.drift === null) return null;
  const contributions = explainDrift(contributionsToExplain(assessment), EXPLAINED_PER_SIDE);
  return finding(assessment, 'chipotle_drift', assessment.drift.severity, contributions);
}

// Ownership fell by the drift threshold but centralisation did not rise with it. Called only
// for months without drift; a lesser finding, so always 'watch'.
function ownershipErosion(assessment: AreaMonthAssessment, settings: DriftSettings): Finding | null {
  const delta = assessment.ownershipDelta;
  if (delta === null || !isOwnershipFall(delta, settings)) return null;
  const contributions = largestMoves(contributionsToExplain(assessment).contributions, 'ownership', EXPLAINED_PER_SIDE);
  return finding(assessment, 'ownership_erosion', 'watch', contributions);
}

// A month with a complete window has every component's contribution unless they were left out
// when it was assessed; explaining it from nothing would be a silent, wordless signal.
function contributionsToExplain(assessment: AreaMonthAssessment): AreaMonthAssessment {
  if (assessment.contributions.length === 0) {
    throw new RangeError(
      `${assessment.month} has a finding to explain but no contributions: ` +
        "assess with contributions 'all' or 'findings' and the same settings",
    );
  }
  return assessment;
}

function finding(
  assessment: AreaMonthAssessment,
  kind: FindingKind,
  severity: Severity,
  contributions: Contribution[],
): Finding {
  return {
    kind,
    month: assessment.month,
    severity,
    ownershipDelta: assessment.ownershipDelta,
    centralisationDelta: assessment.centralisationDelta,
    explanation: contributions.map((contribution) => contribution.text),
    contributions,
  };
}

// Revenue below target this month and the calendar months just before it, each with figures and
// a target (entries end − 2 … end, which the caller has found to be consecutive misses). One bad
// month is noise; a quarter of them is a finding.
function revenueMiss(inOrder: readonly AreaMonthAssessment[], end: number): Finding {
  let sum = 0;
  let months = '';
  for (let i = end - REVENUE_MISS_MONTHS + 1; i <= end; i++) {
    const { month, revenueAttainment } = inOrder[i]!;
    sum += revenueAttainment!;
    months += `${months === '' ? '' : ', '}${month} ${attainmentText(revenueAttainment!)}`;
  }
  const mean = sum / REVENUE_MISS_MONTHS;
  const assessment = inOrder[end]!;
  return {
    kind: 'revenue_miss',
    month: assessment.month,
    severity: isBelow(mean, REVENUE_MISS_WARNING_MEAN) ? 'warning' : 'watch',
    ownershipDelta: assessment.ownershipDelta,
    centralisationDelta: assessment.centralisationDelta,
    explanation: [
      `revenue below target ${REVENUE_MISS_MONTHS} months running: ${months} (mean ${attainmentText(mean)})`,
    ],
    contributions: [],
  };
}

// Rounded down so a miss never reads as "100%". Tenths by integer arithmetic, as formatPoints:
// the same text as printing floor(a × 1000) / 10, without turning a fraction into a string.
function attainmentText(attainment: number): string {
  const tenths = Math.floor(attainment * 1000);
  const whole = Math.floor(tenths / 10);
  const tenth = tenths - whole * 10;
  return tenth === 0 ? `${whole}% of target` : `${whole}.${tenth}% of target`;
}

/**
 * The assessments oldest first, with each month as a number. `assessArea` returns them in order,
 * so usually this only checks that and copies nothing.
 */
function chronological(assessments: readonly AreaMonthAssessment[]): {
  inOrder: readonly AreaMonthAssessment[];
  calendar: readonly number[];
} {
  const calendar: number[] = new Array(assessments.length);
  let ascending = true;
  for (let i = 0; i < assessments.length; i++) {
    calendar[i] = monthIndex(assessments[i]!.month);
    if (i > 0 && calendar[i]! <= calendar[i - 1]!) ascending = false;
  }
  if (ascending) return { inOrder: assessments, calendar };

  const order = calendar.map((_, i) => i).sort((a, b) => calendar[a]! - calendar[b]!);
  const inOrder = order.map((i) => assessments[i]!);
  for (let k = 1; k < inOrder.length; k++) {
    if (calendar[order[k]!] === calendar[order[k - 1]!]) {
      throw new RangeError(`two assessments for ${inOrder[k]!.month}; findings are for one area, one per month`);
    }
  }
  return { inOrder, calendar: order.map((i) => calendar[i]!) };
}
