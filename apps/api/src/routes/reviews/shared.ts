import type { ActionItem, Review, ReviewDecision, ReviewSnapshot, ReviewSummary } from '@autonomy/contracts';
import {
  type ActionItemRow,
  type Database,
  getReview,
  listActionItems,
  listReviewDecisions,
  type ReviewDecisionRow,
  type ReviewDetailRow,
  type ReviewSummaryRow,
} from '@autonomy/db';
import { ApiError } from '../../errors/problem.ts';
import { parseIfMatch } from '../etag.ts';

export interface LoadedReview {
  review: ReviewDetailRow;
  decisions: ReviewDecisionRow[];
  actionItems: ActionItemRow[];
}

/** The review with its decisions and action items, or 404. */
export async function requireReview(db: Database, id: string): Promise<LoadedReview> {
  const review = await getReview(db, id);
  if (!review) throw new ApiError('not_found', `There is no review ${id}.`);
  return { review, decisions: await listReviewDecisions(db, id), actionItems: await listActionItems(db, id) };
}

export function toReviewSummary(row: ReviewSummaryRow): ReviewSummary {
  return {
    id: row.id,
    month: row.month,
    heldOn: row.heldOn,
    createdBy: row.createdBy,
    areasInDrift: row.areasInDrift,
    decisionCount: row.decisionCount,
    actionItemCount: row.actionItemCount,
    openActionItemCount: row.openActionItemCount,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toReview({ review, decisions, actionItems }: LoadedReview): Review {
  return {
    ...toReviewSummary(review),
    agenda: review.agenda,
    notes: review.notes,
    // Written by freezeReviewSnapshot in this shape and never changed since.
    snapshot: review.snapshot as ReviewSnapshot,
    decisions: decisions.map(toReviewDecision),
    actionItems: actionItems.map(toActionItem),
  };
}

export function toReviewDecision(row: ReviewDecisionRow): ReviewDecision {
  return { id: row.id, text: row.text, areaSlug: row.areaSlug, createdAt: row.createdAt.toISOString(), createdBy: row.createdBy };
}

export function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    reviewId: row.reviewId,
    title: row.title,
    areaSlug: row.areaSlug,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status,
    note: row.note,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The audit's before and after: only the fields whose value the write changed. */
export function changedFields<K extends string>(
  before: Record<K, unknown>,
  after: Record<K, unknown>,
  keys: readonly K[],
): { before: Partial<Record<K, unknown>>; after: Partial<Record<K, unknown>> } {
  const changes = { before: {} as Partial<Record<K, unknown>>, after: {} as Partial<Record<K, unknown>> };
  for (const key of keys) {
    if (before[key] === after[key]) continue;
    changes.before[key] = before[key];
    changes.after[key] = after[key];
  }
  return changes;
}

/** Writes that cannot be undone go only against the version the writer saw: If-Match is required. */
export function requireIfMatch(header: string | undefined, doing: string): '*' | Set<number> {
  if (header === undefined) {
    throw new ApiError('precondition_required', `Send If-Match with the review’s ETag when ${doing} a review, so you act on the review as you saw it.`);
  }
  return parseIfMatch(header);
}
