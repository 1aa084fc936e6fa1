/**
 * Reading one value of a row: each reader returns the value, or a ValueProblem whose message
 * names the column and echoes what the file said.
 */
import { createAreaSchema } from '../area.ts';
import { DECIMAL_PLACES_MESSAGE, MAX_COUNT_FIGURE, MAX_DECIMAL_FIGURE, MAX_DECIMAL_PLACES } from '../area-month.ts';
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
    if (value === NOT_PLAIN) {
      const hint = text.includes(',') ? ' (use a dot for decimals and no thousands separators)' : '';
      return new ValueProblem(`${column} must be a number ≥ 0, got ${quoted(raw)}${hint}`);
    }
  }
  if (!(value <= MAX_DECIMAL_FIGURE)) return tooLarge(column, MAX_DECIMAL_FIGURE, raw);
  if (hasDigitsBeyondStoredPlaces(raw)) return new ValueProblem(`${column} ${DECIMAL_PLACES_MESSAGE}, got ${quoted(raw)}`);
  return value;
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
  let text = raw;
  if (value === NOT_PLAIN) {
    text = raw.trim();
    if (text === '') return new ValueProblem(`${column} must be a whole number ≥ 0, got an empty value`);
    value = plainDecimalValue(text);
  }
  // "12.0" is a whole number in value but not as written, and counts are written whole.
  if (value === NOT_PLAIN || text.includes('.')) {
    return new ValueProblem(`${column} must be a whole number ≥ 0, got ${quoted(raw)}`);
  }
  if (!(value <= MAX_COUNT_FIGURE)) return tooLarge(column, MAX_COUNT_FIGURE, raw);
  return value;
}

/** More than the database can store (the figures schema's limits), or more than a double holds. */
function tooLarge(column: string, maximum: number, raw: string): ValueProblem {
  return new ValueProblem(`${column} is too large (at most ${maximum.toLocaleString('en-US')}), got ${quoted(raw)}`);
}

export function readOwner(column: string, raw: string): 'area' | 'central' | ValueProblem {
  const text = raw.trim();
  if (text === 'area' || text === 'central') return text;
  return new ValueProblem(`${column} must be "area" or "central", got ${quoted(raw)}`);
}

export function readSlug(column: string, raw: string): string | ValueProblem {
  return readWithSchema(slugSchema, column, raw);
}

export function readMonth(column: string, raw: string): string | ValueProblem {
  return readWithSchema(monthSchema, column, raw);
}

function readWithSchema(
  schema: typeof slugSchema | typeof monthSchema,
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
  const parsed = areaNameSchema.safeParse(raw);
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
