import type { AreaMonthAssessment } from './assess-area.ts';
import { explainDrift, largestMoves, type Contribution } from './contributions.ts';
import type { Severity } from './drift.ts';
import { addMonths, compareMonths, type Month } from './month.ts';
import { DEFAULT_SETTINGS, type DriftSettings } from './settings.ts';
import { isAtMost, isBelow } from './tolerance.ts';

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
 */
export function detectFindings(
  assessments: readonly AreaMonthAssessment[],
  settings: DriftSettings = DEFAULT_SETTINGS,
): Finding[] {
  const byMonth = new Map(assessments.map((assessment) => [assessment.month, assessment]));
  const inOrder = [...assessments].sort((a, b) => compareMonths(a.month, b.month));

  const findings: Finding[] = [];
  for (const assessment of inOrder) {
    const movement = chipotleDrift(assessment) ?? ownershipErosion(assessment, settings);
    if (movement !== null) findings.push(movement);
    const miss = revenueMiss(assessment, byMonth);
    if (miss !== null) findings.push(miss);
  }
  return findings;
}

function chipotleDrift(assessment: AreaMonthAssessment): Finding | null {
  if (assessment.drift === null) return null;
  return finding(assessment, 'chipotle_drift', assessment.drift.severity, explainDrift(assessment, EXPLAINED_PER_SIDE));
}

// Ownership fell by the drift threshold but centralisation did not rise with it. Called only
// for months without drift; a lesser finding, so always 'watch'.
function ownershipErosion(assessment: AreaMonthAssessment, settings: DriftSettings): Finding | null {
  const delta = assessment.ownershipDelta;
  if (delta === null || !isAtMost(delta, -settings.ownershipFallThreshold)) return null;
  return finding(
    assessment,
    'ownership_erosion',
    'watch',
    largestMoves(assessment.contributions, 'ownership', EXPLAINED_PER_SIDE),
  );
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
// a target. One bad month is noise; a quarter of them is a finding.
function revenueMiss(
  assessment: AreaMonthAssessment,
  byMonth: ReadonlyMap<Month, AreaMonthAssessment>,
): Finding | null {
  const attainments: { month: Month; attainment: number }[] = [];
  for (let back = REVENUE_MISS_MONTHS - 1; back >= 0; back--) {
    const month = addMonths(assessment.month, -back);
    const attainment = byMonth.get(month)?.revenueAttainment ?? null;
    if (attainment === null || !isBelow(attainment, 1)) return null;
    attainments.push({ month, attainment });
  }
  const mean = attainments.reduce((sum, entry) => sum + entry.attainment, 0) / attainments.length;
  const severity: Severity = isBelow(mean, REVENUE_MISS_WARNING_MEAN) ? 'warning' : 'watch';
  const months = attainments.map((entry) => `${entry.month} ${attainmentText(entry.attainment)}`).join(', ');
  return {
    kind: 'revenue_miss',
    month: assessment.month,
    severity,
    ownershipDelta: assessment.ownershipDelta,
    centralisationDelta: assessment.centralisationDelta,
    explanation: [
      `revenue below target ${REVENUE_MISS_MONTHS} months running: ${months} (mean ${attainmentText(mean)})`,
    ],
    contributions: [],
  };
}

// Rounded down so a miss never reads as "100%".
function attainmentText(attainment: number): string {
  return `${Math.floor(attainment * 1000) / 10}% of target`;
}
