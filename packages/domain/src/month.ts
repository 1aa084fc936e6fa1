/** A calendar month written `YYYY-MM`, the key of every area month. */
export type Month = string;

const LAST_MONTH_INDEX = 9999 * 12 + 11;
const ZERO = 48; // '0'
const DASH = 45; // '-'

/**
 * Months since January of year 0 for a `YYYY-MM` string, or -1 when it is not one. Read digit by
 * digit rather than with a regular expression: every area month passes through here, and this is
 * several times faster than `/^(\d{4})-(0[1-9]|1[0-2])$/`, which it matches exactly.
 */
export function parseMonthIndex(value: unknown): number {
  if (typeof value !== 'string' || value.length !== 7 || value.charCodeAt(4) !== DASH) return -1;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    year = year * 10 + digit;
  }
  const tens = value.charCodeAt(5) - ZERO;
  const units = value.charCodeAt(6) - ZERO;
  if (tens < 0 || tens > 1 || units < 0 || units > 9) return -1;
  const month = tens * 10 + units;
  if (month < 1 || month > 12) return -1;
  return year * 12 + month - 1;
}

export function isValidMonth(value: string): boolean {
  return parseMonthIndex(value) >= 0;
}

/**
 * Months since January of year 0. Drift windows and runs are about calendar
 * months, so turning a month into an integer makes "t − W" plain subtraction.
 */
export function monthIndex(month: Month): number {
  const index = parseMonthIndex(month);
  if (index < 0) throw new RangeError(`not a month (YYYY-MM): ${JSON.stringify(month)}`);
  return index;
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

/** Every calendar month from `from` to `to`, both included; empty when `to` is earlier. */
export function monthRange(from: Month, to: Month): Month[] {
  const first = monthIndex(from);
  const count = monthIndex(to) - first + 1;
  return Array.from({ length: Math.max(0, count) }, (_, offset) => monthFromIndex(first + offset));
}

/** For `Array.prototype.sort`: earlier months first. */
export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}

/** The calendar month a moment falls in, in UTC (the server's months, whatever its time zone). */
export function monthOf(date: Date): Month {
  return `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}
