import type { Month } from './month.ts';

/**
 * How many of the areas active in a month have figures for it. An area is active in a month from
 * the earlier of its first month with figures and the month it was created (a new area with no
 * figures yet is missing from its first month on; one imported with years of history counts from
 * its first figures), for as long as it is not archived (archived areas are not counted at all).
 */
export interface MonthCoverage {
  month: Month;
  /** Active areas with figures for the month. */
  reported: number;
  /** Areas active in the month, reported or not. */
  active: number;
}

/** The brief's threshold: at least half of the areas active then have figures (exactly half counts). */
export function isMostlyReported(coverage: Pick<MonthCoverage, 'reported' | 'active'>): boolean {
  return coverage.reported > 0 && coverage.reported * 2 >= coverage.active;
}

/**
 * The month a reader lands on: the newest month in which at least half of the areas active then
 * have figures, so one lead entering next month's figures early does not turn everyone's page into
 * a month of one area. When no month qualifies, the newest month with figures; null when none has.
 * The months may come in any order.
 */
export function defaultMonth(coverage: readonly MonthCoverage[]): Month | null {
  let newestQualifying: Month | null = null;
  let newestReported: Month | null = null;
  for (const entry of coverage) {
    if (entry.reported === 0) continue;
    if (newestReported === null || entry.month > newestReported) newestReported = entry.month;
    if (isMostlyReported(entry) && (newestQualifying === null || entry.month > newestQualifying)) newestQualifying = entry.month;
  }
  return newestQualifying ?? newestReported;
}
