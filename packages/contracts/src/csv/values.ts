/**
 * Reading one value of a row: each reader returns the value, or a ValueProblem whose message
 * names the column and echoes what the file said.
 */
import { createAreaSchema } from '../area.ts';
import {
  DECIMAL_PLACES_MESSAGE,
  fitsDecimalPlaces,
  MAX_COUNT_FIGURE,
  MAX_DECIMAL_FIGURE,
  MAX_DECIMAL_PLACES,
  withoutFloatNoise,
} from '../area-month.ts';
import { monthSchema, slugSchema } from '../primitives.ts';

export class ValueProblem {
  constructor(readonly message: string) {}
}

const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const DOT = 0x2e;
const NOT_PLAIN = -1;
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

/** Echoes a value from the file without letting a pasted essay swamp the message. */
export function quoted(raw: string): string {
  return JSON.stringify(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw);
}

/**
 * The value of a plain decimal (digits, optionally a dot and more digits), or NOT_PLAIN.
 * Exponents, signs, separators and the words NaN and Infinity, which Number() accepts, are all
 * things a person did not mean to type into a figure. Written by hand because it runs on
 * every value of an import: with at most 15 digits, digits ÷ 10^k is a single correctly rounded
 * division of exact values, so it equals Number(text) without Number's general parser.
 */
function plainDecimalValue(text: string): number {
  const length = text.length;
  let mantissa = 0;
  let i = 0;
  for (let code: number; i < length && isDigit((code = text.charCodeAt(i))); i++) {
    mantissa = mantissa * 10 + (code - DIGIT_0);
  }
  if (i === 0) return NOT_PLAIN;
  if (i === length) return i <= EXACT_DIGITS ? mantissa : Number(text);
  if (text.charCodeAt(i) !== DOT) return NOT_PLAIN;
  const fractionStart = ++i;
  for (let code: number; i < length && isDigit((code = text.charCodeAt(i))); i++) {
    mantissa = mantissa * 10 + (code - DIGIT_0);
  }
  if (i !== length || i === fractionStart) return NOT_PLAIN;
  const fractionDigits = length - fractionStart;
  return length - 1 <= EXACT_DIGITS
    ? mantissa / (POWERS_OF_TEN[fractionDigits] as number)
    : Number(text);
}

function isDigit(code: number): boolean {
  return code >= DIGIT_0 && code <= DIGIT_9;
}

export function readDecimal(column: string, raw: string): number | ValueProblem {
  let value = plainDecimalValue(raw);
  if (value === NOT_PLAIN) {
    const text = raw.trim();
    if (text === '') return new ValueProblem(`${column} must be a number ≥ 0, got an empty value`);
    value = plainDecimalValue(text);
    if (value === NOT_PLAIN) return new ValueProblem(`${column} must be a number ≥ 0, got ${quoted(raw)}${notPlainHint(text)}`);
  }
  if (!(value <= MAX_DECIMAL_FIGURE)) return tooLarge(column, MAX_DECIMAL_FIGURE, raw);
  if (hasDigitsBeyondStoredPlaces(raw)) {
    // Float noise from a script (3.4000000000000004) is its rounding; a real fifth decimal is refused.
    const rounded = withoutFloatNoise(value);
    if (!fitsDecimalPlaces(rounded)) return new ValueProblem(`${column} ${DECIMAL_PLACES_MESSAGE}, got ${quoted(raw)}`);
    return rounded;
  }
  return value;
}

const THOUSANDS_GROUPED = /^\d{1,3}(?:([,'\u00a0\u202f ])\d{3})(?:\1\d{3})*(?:\.\d*)?$/;

/** Why a number as people write it in reports is not read here, and what to write instead. */
function notPlainHint(text: string): string {
  if (text.endsWith('%')) return ' (write the number itself, without %: shares are worked out from the FTE and counts)';
  if (THOUSANDS_GROUPED.test(text)) return ` (no thousands separators: write ${text.replace(/[,'\u00a0\u202f ]/g, '')})`;
  if (/^\d+,\d+$/.test(text)) return ` (use a dot for decimals: ${text.replace(',', '.')})`;
  if (text.startsWith('-')) return ' (figures are never negative)';
  return '';
}

/** A non-zero digit after the fourth decimal: the database would round it away. "1.50000" is fine. */
function hasDigitsBeyondStoredPlaces(text: string): boolean {
  const dot = text.indexOf('.');
  if (dot < 0) return false;
  for (let i = dot + 1 + MAX_DECIMAL_PLACES; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 49 && code <= 57) return true; // 1–9
  }
  return false;
}

export function readCount(column: string, raw: string): number | ValueProblem {
  let value = plainDecimalValue(raw);
  if (value === NOT_PLAIN) {
    const text = raw.trim();
    if (text === '') return new ValueProblem(`${column} must be a whole number ≥ 0, got an empty value`);
    value = plainDecimalValue(text);
    if (value === NOT_PLAIN) return new ValueProblem(`${column} must be a whole number ≥ 0, got ${quoted(raw)}${notPlainHint(text)}`);
  }
  // A script's 12.0 or 2.9999999999999996 is the whole number it means; 2.5 is not a count.
  value = withoutFloatNoise(value);
  if (!Number.isInteger(value)) return new ValueProblem(`${column} must be a whole number ≥ 0, got ${quoted(raw)}`);
  if (!(value <= MAX_COUNT_FIGURE)) return tooLarge(column, MAX_COUNT_FIGURE, raw);
  return value;
}

/** More than the database can store (the figures schema's limits), or more than a double holds. */
function tooLarge(column: string, maximum: number, raw: string): ValueProblem {
  return new ValueProblem(`${column} is too large (at most ${maximum.toLocaleString('en-US')}), got ${quoted(raw)}`);
}

export function readOwner(column: string, raw: string): 'area' | 'central' | ValueProblem {
  const text = raw.trim().toLowerCase();
  if (text === 'area' || text === 'central') return text;
  return new ValueProblem(`${column} must be "area" or "central", got ${quoted(raw)}`);
}

export function readSlug(column: string, raw: string): string | ValueProblem {
  return readWithSchema(slugSchema, column, fromSafeCell(raw));
}

// ---------------------------------------------------------------------------------------------
// Months, in the forms spreadsheets turn them into

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
export const MONTH_FORMS = 'YYYY-MM (2026-11), or 2026-11-01, Nov-26, Nov 2026 or 11/2026';
// A time after a date, as spreadsheets and scripts write it: 00:00, 00:00:00.000, T00:00:00Z, +01:00.
const TIME = '(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?';
const ISO_MONTH = /^(\d{4})[-/](\d{2})$/;
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{2})[-/](\\d{2})${TIME}$`);
const NAMED_MONTH = /^([a-z]+)\.?[- ](\d{2}|\d{4})$/i;
const SLASHED_MONTH = /^(\d{1,2})\/(\d{4})$/;
// 11/1/2026 (month first) or 1/11/2026 (day first): only a first of the month is read, so the one
// reading that gives day 1 says which month it is; 1/1 is January either way.
const SLASHED_DATE = new RegExp(`^(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})${TIME}$`);

/**
 * A month as `YYYY-MM`. Excel turns 2026-11 into 2026-11-01 (or Nov-26) when it saves a file
 * again, and reports write Nov 2026 or 11/2026: each is read as the month it names.
 */
export function readMonth(column: string, raw: string): string | ValueProblem {
  const text = raw.trim();
  if (text === '') return new ValueProblem(`${column} must not be empty`);
  let year: string | undefined;
  let month: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = ISO_MONTH.exec(text))) {
    [, year] = match;
    month = Number(match[2]);
  } else if ((match = ISO_DATE.exec(text))) {
    if (match[3] !== '01') {
      return new ValueProblem(`${column} ${quoted(raw)} is a day within a month; write the month (${match[1]}-${match[2]}) or its first day`);
    }
    [, year] = match;
    month = Number(match[2]);
  } else if ((match = NAMED_MONTH.exec(text))) {
    const name = match[1]!.toLowerCase();
    const index = MONTH_NAMES.findIndex((full) => full === name || ((name.length === 3 || name === 'sept') && full.startsWith(name)));
    if (index >= 0) {
      month = index + 1;
      year = match[2]!.length === 2 ? `20${match[2]}` : match[2];
    }
  } else if ((match = SLASHED_MONTH.exec(text))) {
    month = Number(match[1]);
    year = match[2];
  } else if ((match = SLASHED_DATE.exec(text))) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first !== 1 && second !== 1) {
      return new ValueProblem(`${column} ${quoted(raw)} is a day within a month; write the month (such as ${match[3]}-${String(first <= 12 ? first : second).padStart(2, '0')}) or its first day`);
    }
    // Month first (11/1/2026) when the second number is the day 1, else day first (1/11/2026).
    month = second === 1 ? first : second;
    year = match[3];
  }
  const canonical = year !== undefined && month !== undefined ? `${year}-${String(month).padStart(2, '0')}` : undefined;
  if (canonical !== undefined && monthSchema.safeParse(canonical).success) return canonical;
  return new ValueProblem(`${column} must be a month written ${MONTH_FORMS}, from 1900-01 on; got ${quoted(raw)}`);
}

// ---------------------------------------------------------------------------------------------
// Cells that a spreadsheet would run as formulas

const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED_FORMULA_START = /^'+[=+\-@\t\r]/;

/**
 * The export's text cells, safe to open in a spreadsheet (the OWASP rule): a cell that would
 * start a formula (=, +, -, @, tab, CR) gets a leading apostrophe. A cell that already starts
 * with apostrophes before such a character gets one more, so `fromSafeCell` can always undo it:
 * export → import gives back every text exactly.
 */
export function toSafeCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Undoes `toSafeCell` on a cell of an import. */
export function fromSafeCell(text: string): string {
  return GUARDED_FORMULA_START.test(text) ? text.slice(1) : text;
}

function readWithSchema(
  schema: typeof slugSchema,
  column: string,
  raw: string,
): string | ValueProblem {
  const text = raw.trim();
  if (text === '') return new ValueProblem(`${column} must not be empty`);
  const parsed = schema.safeParse(text);
  if (parsed.success) return parsed.data;
  const rule = parsed.error.issues[0]?.message ?? 'is not valid';
  return new ValueProblem(`${column} ${rule}, got ${quoted(raw)}`);
}

const areaNameSchema = createAreaSchema.shape.name;

export function readAreaName(column: string, raw: string): string | ValueProblem {
  const parsed = areaNameSchema.safeParse(fromSafeCell(raw));
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_big') {
    return new ValueProblem(
      `${column} must be at most ${String(issue.maximum)} characters, but it has ${raw.trim().length}`,
    );
  }
  if (issue?.code === 'invalid_format') return new ValueProblem(`${column} ${issue.message}`);
  return new ValueProblem(`${column} must not be empty`);
}

/** Slugs, names and months repeat on nearly every row, so each distinct text is checked once. */
export function readRemembered(
  seen: Map<string, string | ValueProblem>,
  read: (column: string, raw: string) => string | ValueProblem,
  column: string,
  raw: string,
): string | ValueProblem {
  let result = seen.get(raw);
  if (result === undefined) {
    result = read(column, raw);
    seen.set(raw, result);
  }
  return result;
}
