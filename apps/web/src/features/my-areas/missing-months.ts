import { addMonths, monthRange } from '../../lib/format.ts';
import { monthOf } from '../figures/figures-form.ts';

/** How many calendar months back an area lead is asked to keep complete. */
export const RECENT_MONTH_COUNT = 3;

/**
 * The month "the last three" end with: the newest month any area has reported, so a lead is not
 * told a month is missing while no area has closed it yet; today's month when no area has figures.
 */
export function recentMonthsEnd(newestReportedMonth: string | null, today: Date): string {
  return newestReportedMonth ?? monthOf(today);
}

/** The last `count` calendar months ending with `end`, oldest first. */
export function recentMonths(end: string, count: number = RECENT_MONTH_COUNT): string[] {
  return monthRange(addMonths(end, -(count - 1)), end);
}

/** The recent months an area has no figures for, oldest first: what its lead still has to fill in. */
export function missingRecentMonths(monthsWithFigures: readonly string[], end: string, count: number = RECENT_MONTH_COUNT): string[] {
  const reported = new Set(monthsWithFigures);
  return recentMonths(end, count).filter((month) => !reported.has(month));
}
