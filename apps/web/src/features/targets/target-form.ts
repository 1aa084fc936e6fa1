import { MAX_TARGET_RANGE_MONTHS, targetChangeRequestSchema, type FieldError, type TargetChangeRequest, type User } from '@autonomy/contracts';
import { fieldOfPath, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { addMonths, asSentence, formatIssueMessage } from '../../lib/format.ts';
import { canEditAreaFigures } from '../auth/permissions.ts';

/**
 * The revenue-target form as data: text in, a `TargetChangeRequest` out. Every rule on the values
 * (months written YYYY-MM, a range of at most 120 months that does not run backwards, a target of
 * 0 or more, a reason of 1–500 characters) is the contract's own `targetChangeRequestSchema`, the
 * one the API validates the change with.
 */

export type TargetFieldKey = 'from' | 'to' | 'revenueTarget' | 'reason';

/** One month, or every month of a range. */
export type TargetScope = 'month' | 'range';

/** What the inputs hold: the text as typed. `to` is kept while the scope is one month, and ignored. */
export interface TargetFormValues {
  scope: TargetScope;
  from: string;
  to: string;
  revenueTarget: string;
  reason: string;
}

export const TARGET_FIELD_KEYS: readonly TargetFieldKey[] = ['from', 'to', 'revenueTarget', 'reason'];

/** The longest reason the history keeps. */
export const MAX_TARGET_REASON_LENGTH = 500;

/** A quarter: the range most targets are set for. */
const DEFAULT_RANGE_MONTHS = 3;

/**
 * The form as it opens: starting with the month after the latest with figures (targets are set
 * ahead of the figures), or with the current month for an area without figures yet.
 */
export function initialTargetValues(latestMonthWithFigures: string | null, currentMonth: string): TargetFormValues {
  const from = latestMonthWithFigures ? addMonths(latestMonthWithFigures, 1) : currentMonth;
  return { scope: 'month', from, to: addMonths(from, DEFAULT_RANGE_MONTHS - 1), revenueTarget: '', reason: '' };
}

// Digits with an optional decimal point. No exponents or hex, which Number() would accept, and no
// commas: "1,000" and "2,5" mean different things to different readers, so neither is guessed.
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export type ParsedTarget = { ok: true; request: TargetChangeRequest } | { ok: false; errors: FieldErrors<TargetFieldKey> };

/**
 * The form's text as a request for the API, or what is wrong, field by field. An amount that is
 * not a number is caught here; everything else is the contract's verdict, in plain words.
 */
export function parseTargetForm(values: TargetFormValues): ParsedTarget {
  const errors: FieldErrors<TargetFieldKey> = {};
  const candidate: Record<string, unknown> = { from: values.from.trim(), reason: values.reason };
  if (values.scope === 'range') {
    const to = values.to.trim();
    if (to === '') errors.to = ['Enter the last month of the range.'];
    else candidate.to = to;
  }
  const amount = values.revenueTarget.trim();
  if (amount === '') errors.revenueTarget = ['Enter a target.'];
  else if (!DECIMAL.test(amount)) errors.revenueTarget = ['Enter an amount in digits, such as 125000 or 125000.50.'];
  // A stand-in while the amount is unreadable, so the schema still judges the other fields.
  candidate.revenueTarget = errors.revenueTarget ? 0 : Number(amount);

  const parsed = targetChangeRequestSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  if (!parsed.success) {
    // A field already caught here keeps its one message; the schema only saw a stand-in for it.
    const caughtHere = new Set(Object.keys(errors));
    for (const issue of parsed.error.issues) {
      const key = targetFieldOfPath(issue.path.map(String).join('.'));
      if (key && !caughtHere.has(key)) (errors[key] ??= []).push(explainTargetMessage(formatIssueMessage(issue)));
    }
  }
  return { ok: false, errors };
}

/**
 * A contract message for reading beside the field: the rules about `to` name the other end of the
 * range by its field name ("must not be before from"); the form calls it the first month.
 */
export function explainTargetMessage(message: string): string {
  return asSentence(message.replace(/\bfrom(?=\.?$)/, 'the first month'));
}

/** The field an error path names: `to`, `/revenueTarget`, `body.reason`; null for none. */
function targetFieldOfPath(path: string): TargetFieldKey | null {
  return fieldOfPath(path, TARGET_FIELD_KEYS);
}

export function placeTargetErrors(errors: readonly FieldError[]): PlacedErrors<TargetFieldKey> {
  return placeFieldErrors(errors, targetFieldOfPath, explainTargetMessage);
}

/** How many months a range covers, both ends included; null while either end is not a month. */
export function monthsCovered(from: string, to: string): number | null {
  const start = monthNumber(from);
  const end = monthNumber(to);
  return start === null || end === null ? null : end - start + 1;
}

function monthNumber(month: string): number | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month.trim());
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

/** The range limit in words, for the hint under "To". */
export const RANGE_LIMIT_HINT = `Up to ${MAX_TARGET_RANGE_MONTHS} months, both ends included.`;

/** Who may set an area's targets: the same people as its figures (admins, and the area's leads). */
export function canSetAreaTargets(user: Pick<User, 'role' | 'areaSlugs'>, areaSlug: string): boolean {
  return canEditAreaFigures(user, areaSlug);
}
