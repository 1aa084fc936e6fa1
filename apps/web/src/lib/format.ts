import type { DriftRules, Role } from '@autonomy/contracts';

/**
 * Display formatting. The API sends indices, deltas and ratios unrounded (the brief: "the
 * interface rounds for display only"), so every rounding in the app happens here and nowhere else.
 */

/** Shown wherever a value does not exist, so a blank cell never reads as zero. */
export const NO_VALUE = '—';

// A real minus sign, not a hyphen: it lines up with "+" in tabular figures and screen readers say "minus".
const MINUS = '\u2212';

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** An index on the 0–100 scale, one decimal: `62.3`. */
export function formatIndex(value: number | null | undefined): string {
  if (value == null) return NO_VALUE;
  return oneDecimal.format(roundTo(value, 1));
}

/**
 * A change in index points, always signed: `+6.3`, `−12.4`, `0.0`.
 * Rounds before choosing the sign so that −0.04 reads `0.0`, never `−0.0`.
 */
export function formatDelta(value: number | null | undefined): string {
  if (value == null) return NO_VALUE;
  const rounded = roundTo(value, 1);
  const magnitude = oneDecimal.format(Math.abs(rounded));
  if (rounded > 0) return `+${magnitude}`;
  if (rounded < 0) return `${MINUS}${magnitude}`;
  return magnitude;
}

/** A ratio as a whole percentage: revenue attainment 1.04 → `104%`. */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio == null) return NO_VALUE;
  return `${wholeNumber.format(roundTo(ratio * 100, 0))}%`;
}

/** A number of units (money, rows) with thousands separators and at most two decimals. */
export function formatAmount(value: number | null | undefined): string {
  if (value == null) return NO_VALUE;
  return new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }).format(value);
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  // Math.round rounds .5 towards +∞; rounding the magnitude keeps −2.25 and 2.25 symmetric.
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return Object.is(rounded, -0) ? 0 : rounded;
}

// Months are calendar labels, not instants: format them in UTC so no time zone shifts a month.
const longMonth = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2024-09` → `September 2024`. */
export function formatMonthLong(month: string): string {
  return longMonth.format(monthToDate(month));
}

/** `2024-09` → `Sep 2024`, for axes and dense tables. */
export function formatMonthShort(month: string): string {
  return shortMonth.format(monthToDate(month));
}

/** A span of months, both ends included: `Jan 2026 – Mar 2026`, or `Jan 2026` when it is one month. */
export function formatMonthSpan(from: string, to: string): string {
  return from === to ? formatMonthShort(from) : `${formatMonthShort(from)} – ${formatMonthShort(to)}`;
}

function monthToDate(month: string): Date {
  const { year, monthIndex } = parseMonth(month);
  return new Date(Date.UTC(year, monthIndex, 1));
}

function parseMonth(month: string): { year: number; monthIndex: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) throw new Error(`Not a YYYY-MM month: ${month}`);
  return { year: Number(match[1]), monthIndex: Number(match[2]) - 1 };
}

/**
 * An instant (an ISO timestamp from the API) as a reader's local date and time:
 * `3 Oct 2024, 14:05`. The time zone is a parameter so tests can pin it.
 */
export function formatDateTime(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** `2024-11` plus 3 → `2025-02`. */
export function addMonths(month: string, count: number): string {
  const { year, monthIndex } = parseMonth(month);
  const total = year * 12 + monthIndex + count;
  const nextYear = Math.floor(total / 12);
  const nextMonth = (total % 12) + 1;
  return `${String(nextYear).padStart(4, '0')}-${String(nextMonth).padStart(2, '0')}`;
}

/** Every calendar month from `first` to `last`, both included, ascending. Empty when last < first. */
export function monthRange(first: string, last: string): string[] {
  const months: string[] = [];
  for (let month = first; month <= last; month = addMonths(month, 1)) months.push(month);
  return months;
}

const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  executive: 'Executive',
  area_lead: 'Area lead',
  viewer: 'Viewer',
};

export function formatRole(role: Role): string {
  return ROLE_LABELS[role];
}

export type Tone = 'good' | 'bad' | 'neutral';

/**
 * Whether a change is worth a colour, and which. Only changes of at least `threshold` points are
 * coloured; month-to-month noise of a point or two in red and green would make every table look
 * alarming. Without a threshold (the rules have not loaded yet) nothing is coloured.
 */
export function changeTone(
  delta: number | null | undefined,
  goodWhen: 'rising' | 'falling',
  threshold: number | undefined,
): Tone {
  if (delta == null || threshold === undefined || Math.abs(delta) < threshold) return 'neutral';
  const rising = delta > 0;
  return rising === (goodWhen === 'rising') ? 'good' : 'bad';
}

/** Ownership should rise: coloured from the organisation's ownership-fall threshold. */
export function ownershipChangeTone(delta: number | null | undefined, rules: DriftRules | undefined): Tone {
  return changeTone(delta, 'rising', rules?.ownershipFallThreshold);
}

/** Centralisation should not rise: coloured from the organisation's centralisation-rise threshold. */
export function centralisationChangeTone(delta: number | null | undefined, rules: DriftRules | undefined): Tone {
  return changeTone(delta, 'falling', rules?.centralisationRiseThreshold);
}

/** The drift window in words, for "over 3 months"; "the drift window" until the rules are known. */
export function formatWindow(rules: DriftRules | undefined): string {
  return rules ? countOf(rules.windowMonths, 'month') : 'the drift window';
}

/** `1 area`, `3 areas`. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${wholeNumber.format(count)} ${count === 1 ? singular : plural}`;
}

/**
 * Revenue attainment below target is bad news. Judged on the displayed whole percentage, so a
 * 99.8 % month that reads "100%" is not painted red beside its own number.
 */
export function attainmentTone(ratio: number | null | undefined): Tone {
  if (ratio == null) return 'neutral';
  return roundTo(ratio * 100, 0) < 100 ? 'bad' : 'neutral';
}

/** An axis tick for a change in points: `+25`, `−25`, `0`. */
export function formatDeltaTick(value: number): string {
  const rounded = roundTo(value, 0);
  if (rounded > 0) return `+${wholeNumber.format(rounded)}`;
  if (rounded < 0) return `${MINUS}${wholeNumber.format(-rounded)}`;
  return '0';
}

/** What we read of a failed zod check; structural, so the web app needs no zod import of its own. */
export interface ValidationIssue {
  message: string;
  code?: string;
  origin?: unknown;
  maximum?: unknown;
}

/**
 * A validation message for reading beside a field, as a sentence of its own: "must not be empty"
 * becomes "Must not be empty." The length limits the contract leaves to zod's default wording
 * ("Too big: expected string to have <=200 characters") are said in plain words.
 */
export function formatIssueMessage(issue: ValidationIssue): string {
  if (issue.origin === 'string' && issue.code === 'too_big' && typeof issue.maximum === 'number') {
    return `Must be at most ${countOf(issue.maximum, 'character')}.`;
  }
  return asSentence(issue.message);
}

/**
 * A message as a sentence: capital first letter, full stop at the end. A message that starts with
 * an email or a field name ("x@example.com is a viewer") keeps it as written.
 */
export function asSentence(message: string): string {
  const firstWord = message.split(/\s/, 1)[0] ?? '';
  const sentence = /^[a-z]+$/.test(firstWord) ? message.charAt(0).toUpperCase() + message.slice(1) : message;
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}
