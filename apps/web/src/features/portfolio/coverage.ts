import type { Coverage, MonthCoverage } from '@autonomy/contracts';
import { countOf, formatMonthLong } from '../../lib/format.ts';

/**
 * Coverage in words: how many of the areas active in a month have reported, so no page says
 * "no area is in drift" about a month only one area has reported yet.
 */

/** "8 of 10 reported"; "1 of 1 reported". */
export function describeCoverage({ reported, active }: Coverage): string {
  return `${reported} of ${active} reported`;
}

/** True when some active area has not reported. */
export function isIncomplete({ reported, active }: Coverage): boolean {
  return reported < active;
}

/** A month picker's option: "December 2026 · 1 of 10 reported" when its coverage is known. */
export function monthOptionLabel(month: string, coverage: Coverage | undefined): string {
  return coverage ? `${formatMonthLong(month)} · ${describeCoverage(coverage)}` : formatMonthLong(month);
}

/** Each month's coverage by month, for pickers. */
export function coverageByMonth(entries: readonly MonthCoverage[]): ReadonlyMap<string, Coverage> {
  return new Map(entries.map(({ month, reported, active }) => [month, { reported, active }]));
}

/** "Not reported: Billing, Search"; null when every active area reported. */
export function notReportedSentence(names: readonly string[]): string | null {
  return names.length === 0 ? null : `Not reported: ${names.join(', ')}`;
}

/**
 * The start-review form's warning for a month some areas have not reported:
 * "Only 1 of 10 areas reported for December 2026 — the review will show 9 as not reported."
 */
export function reviewCoverageWarning(month: string, { reported, active }: Coverage): string | null {
  if (reported >= active) return null;
  const missing = active - reported;
  return `Only ${reported} of ${countOf(active, 'area')} reported for ${formatMonthLong(month)} — the review will show ${missing} as not reported.`;
}

/** The headline's calm case: never "no area is in drift" without how many reported. */
export function noDriftHeadline(month: string, coverage: Coverage, areasWithCompleteWindow: number): string {
  const windows = `${areasWithCompleteWindow} with a complete window`;
  if (coverage.reported === coverage.active) {
    return `No area is in Chipotle drift in ${formatMonthLong(month)}: all ${countOf(coverage.active, 'area')} reported, ${windows}.`;
  }
  return `No area of the ${coverage.reported} of ${coverage.active} that reported is in Chipotle drift in ${formatMonthLong(month)} (${windows}).`;
}
