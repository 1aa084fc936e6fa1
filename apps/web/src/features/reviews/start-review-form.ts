import { type Coverage, createReviewSchema, type CreateReview, type FieldError } from '@autonomy/contracts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, formatIssueMessage } from '../../lib/format.ts';
import { monthOptionLabel } from '../portfolio/coverage.ts';

/**
 * The "Start a review" form as data: which month it offers first, and the request it sends. The
 * rules on the values are the contract's own `createReviewSchema`, the one the API checks with.
 */

export type StartReviewField = 'month' | 'heldOn' | 'agenda';

export const START_REVIEW_FIELDS: readonly StartReviewField[] = ['month', 'heldOn', 'agenda'];

/** What the inputs hold, as typed. */
export interface StartReviewValues {
  month: string;
  heldOn: string;
  agenda: string;
}

/**
 * The month a new review is most likely for: the latest month with figures that has no review
 * yet, no later than the portfolio's default month (`landingMonth`, the newest month at least half
 * of the areas reported), so a month in progress is never offered first. When every such month has
 * a review, the default month (the API then refuses, and the form links to its review); null when
 * no month has figures at all.
 */
export function defaultReviewMonth(
  monthsNewestFirst: readonly string[],
  reviewedMonths: ReadonlySet<string>,
  landingMonth: string | null = monthsNewestFirst[0] ?? null,
): string | null {
  if (landingMonth === null) return null;
  return monthsNewestFirst.find((month) => month <= landingMonth && !reviewedMonths.has(month)) ?? landingMonth;
}

/** One choice in the month picker: months already reviewed stay choosable, and say so. */
export interface ReviewMonthOption {
  month: string;
  label: string;
  reviewed: boolean;
}

/** Months in progress are labelled with their coverage ("December 2026 · 1 of 10 reported") when it is known. */
export function reviewMonthOptions(
  monthsNewestFirst: readonly string[],
  reviewedMonths: ReadonlySet<string>,
  coverage: ReadonlyMap<string, Coverage> = new Map(),
): ReviewMonthOption[] {
  return monthsNewestFirst.map((month) => {
    const reviewed = reviewedMonths.has(month);
    return { month, label: `${monthOptionLabel(month, coverage.get(month))}${reviewed ? ' (has a review)' : ''}`, reviewed };
  });
}

export function initialStartReviewValues(defaultMonth: string | null, today: string): StartReviewValues {
  return { month: defaultMonth ?? '', heldOn: today, agenda: '' };
}

export type ParsedStartReview = { ok: true; request: CreateReview } | { ok: false; errors: FieldErrors<StartReviewField> };

/** The form as the API's request; a blank agenda is left out rather than stored as spaces. */
export function parseStartReview(values: StartReviewValues): ParsedStartReview {
  const errors: FieldErrors<StartReviewField> = {};
  if (values.month === '') errors.month = ['Choose the month the review is about.'];
  if (values.heldOn.trim() === '') errors.heldOn = ['Enter the day the meeting is held.'];
  const candidate = {
    month: values.month,
    heldOn: values.heldOn.trim(),
    ...(values.agenda.trim() === '' ? {} : { agenda: values.agenda }),
  };
  const parsed = createReviewSchema.safeParse(candidate);
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  if (!parsed.success) {
    const fromSchema = issuesByField(parsed.error.issues, startReviewFieldOfPath, formatIssueMessage);
    // A field already caught here keeps its plainer message.
    for (const key of START_REVIEW_FIELDS) if (!errors[key] && fromSchema[key]) errors[key] = fromSchema[key];
  }
  return { ok: false, errors };
}

function startReviewFieldOfPath(path: string): StartReviewField | null {
  return fieldOfPath(path, START_REVIEW_FIELDS);
}

/** The API's 422, each message beside the field its path names. */
export function placeStartReviewErrors(errors: readonly FieldError[]): PlacedErrors<StartReviewField> {
  return placeFieldErrors(errors, startReviewFieldOfPath, asSentence);
}
