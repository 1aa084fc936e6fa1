import { updateReviewSchema, type FieldError, type Review, type UpdateReview } from '@autonomy/contracts';
import type { ConflictFields } from '../../lib/conflict.ts';
import { fieldOfPath, issuesByField, placeFieldErrors, type FieldErrors, type PlacedErrors } from '../../lib/field-errors.ts';
import { asSentence, formatIssueMessage } from '../../lib/format.ts';
import { formatDay } from './review-dates.ts';

/**
 * The meeting's own record (the day it was held, its agenda, its notes) as a form: the patch a
 * save sends and what a conflict looks like. The month and the frozen snapshot never change.
 */

export type ReviewRecordKey = 'heldOn' | 'agenda' | 'notes';

export const REVIEW_RECORD_KEYS: readonly ReviewRecordKey[] = ['heldOn', 'agenda', 'notes'];

/** What the form edits, as typed. */
export interface ReviewRecord {
  heldOn: string;
  agenda: string;
  notes: string;
}

export const REVIEW_RECORD_LABELS: Readonly<Record<ReviewRecordKey, string>> = {
  heldOn: 'Held on',
  agenda: 'Agenda',
  notes: 'Notes',
};

export function pickReviewRecord(review: Pick<Review, 'heldOn' | 'agenda' | 'notes'>): ReviewRecord {
  return { heldOn: review.heldOn, agenda: review.agenda, notes: review.notes };
}

/** The fields that differ between two versions, in form order. Text is compared as stored: exactly. */
export function diffReviewRecord(a: ReviewRecord, b: ReviewRecord): ReviewRecordKey[] {
  return REVIEW_RECORD_KEYS.filter((key) => (key === 'heldOn' ? a.heldOn.trim() !== b.heldOn.trim() : a[key] !== b[key]));
}

export type ReviewPatch =
  | { kind: 'patch'; patch: UpdateReview }
  /** The form holds the record as it was opened: there is nothing to send. */
  | { kind: 'unchanged' }
  | { kind: 'invalid'; errors: FieldErrors<ReviewRecordKey> };

/**
 * The PATCH body: only the fields changed since the form opened, so a save never writes back a
 * field someone else changed meanwhile that this person did not touch.
 */
export function buildReviewPatch(opened: ReviewRecord, values: ReviewRecord): ReviewPatch {
  const changed = diffReviewRecord(opened, values);
  if (changed.length === 0) return { kind: 'unchanged' };
  if (changed.includes('heldOn') && values.heldOn.trim() === '') {
    return { kind: 'invalid', errors: { heldOn: ['Enter the day the meeting was held.'] } };
  }
  const patch: UpdateReview = {};
  for (const key of changed) patch[key] = key === 'heldOn' ? values.heldOn.trim() : values[key];
  const parsed = updateReviewSchema.safeParse(patch);
  if (parsed.success) return { kind: 'patch', patch: parsed.data };
  return { kind: 'invalid', errors: issuesByField(parsed.error.issues, recordFieldOfPath, formatIssueMessage) };
}

function recordFieldOfPath(path: string): ReviewRecordKey | null {
  return fieldOfPath(path, REVIEW_RECORD_KEYS);
}

export function placeReviewRecordErrors(errors: readonly FieldError[]): PlacedErrors<ReviewRecordKey> {
  return placeFieldErrors(errors, recordFieldOfPath, asSentence);
}

/** A field's value for reading beside the other version's. */
export function formatReviewRecordField(key: ReviewRecordKey, record: ReviewRecord): string {
  if (key === 'heldOn') return formatDay(record.heldOn.trim());
  return record[key].trim() === '' ? '(empty)' : record[key];
}

/** How the conflict panel compares the record and words it. */
export const REVIEW_RECORD_CONFLICT_FIELDS: ConflictFields<ReviewRecord, ReviewRecordKey> = {
  diff: diffReviewRecord,
  label: (key) => REVIEW_RECORD_LABELS[key],
  format: formatReviewRecordField,
};
