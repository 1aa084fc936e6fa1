/** A calendar month written `YYYY-MM`, the key of every area month. */
export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const LAST_MONTH_INDEX = 9999 * 12 + 11;

export function isValidMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/**
 * Months since January of year 0. Drift windows and runs are about calendar
 * months, so turning a month into an integer makes "t − W" plain subtraction.
 */
export function monthIndex(month: Month): number {
  const match = MONTH_PATTERN.exec(month);
  if (match === null) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

export function monthFromIndex(index: number): Month {
  if (!Number.isInteger(index) || index < 0 || index > LAST_MONTH_INDEX) {
    throw new RangeError(`month index out of range: ${index}`);
  }
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `n` calendar months after `month` (before it when `n` is negative). */
export function addMonths(month: Month, n: number): Month {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  return monthFromIndex(monthIndex(month) + n);
}

/** Calendar months from `from` to `to`: positive when `to` is later. */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/** For `Array.prototype.sort`: earlier months first. */
export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}
