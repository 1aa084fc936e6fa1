import {
  actionItemListSchema,
  actionItemSchema,
  reviewDecisionSchema,
  reviewListSchema,
  reviewSchema,
  type ActionItem,
  type ActionItemList,
  type ActionItemStatus,
  type CreateActionItem,
  type CreateDecision,
  type CreateReview,
  type Review,
  type ReviewDecision,
  type ReviewList,
  type ReviewSummary,
  type UpdateActionItem,
  type UpdateReview,
} from '@autonomy/contracts';
import { etagOfVersion } from '../../lib/api.ts';
import { followCursor, segment, send, sendForJson } from '../../lib/http.ts';

/**
 * The monthly reviews' endpoints. Kept with the feature rather than in lib/api.ts: nothing else
 * in the app reads reviews. Reviews and action items carry their version in the body, so every
 * conditional write sends `If-Match: "<version>"` without reading the ETag header first.
 */

const REVIEWS_PATH = '/api/v1/reviews';

const reviewPath = (id: string) => `${REVIEWS_PATH}/${segment(id)}`;

/** One page of reviews, newest month first; `nextCursor` asks for the page after it. */
export function fetchReviewsPage(
  page: { limit?: number | undefined; cursor?: string | undefined; month?: string | undefined },
  signal?: AbortSignal,
): Promise<ReviewList> {
  const query = new URLSearchParams();
  if (page.month !== undefined) query.set('month', page.month);
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  if (page.cursor !== undefined) query.set('cursor', page.cursor);
  const search = query.toString();
  return sendForJson(`${REVIEWS_PATH}${search ? `?${search}` : ''}`, reviewListSchema, { signal });
}

/** The API's largest page: one review a month makes this decades of them. */
const ALL_REVIEWS_PAGE_SIZE = 1000;

/** Every review, following the cursor: to know which months already have one. */
export function fetchAllReviews(signal?: AbortSignal): Promise<ReviewSummary[]> {
  return followCursor((cursor) => fetchReviewsPage({ limit: ALL_REVIEWS_PAGE_SIZE, cursor }, signal));
}

/** The review of `month`, if it has one (there is at most one a month). */
export async function findReviewOfMonth(month: string): Promise<ReviewSummary | null> {
  const page = await fetchReviewsPage({ month, limit: 1 });
  return page.items.find((review) => review.month === month) ?? null;
}

export function fetchReview(id: string, signal?: AbortSignal): Promise<Review> {
  return sendForJson(reviewPath(id), reviewSchema, { signal });
}

/** Starts a review: the API freezes the month's portfolio into it. 409 when the month has one. */
export function createReview(request: CreateReview): Promise<Review> {
  return sendForJson(REVIEWS_PATH, reviewSchema, {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
  });
}

/**
 * Changes the date, agenda or notes. Always conditional on the version the form was opened on, so
 * a change saved by someone else in the meantime is refused (412) rather than overwritten.
 */
export function updateReview(id: string, patch: UpdateReview, { version }: { version: number }): Promise<Review> {
  return sendForJson(reviewPath(id), reviewSchema, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    contentType: 'application/json',
    headers: { 'If-Match': etagOfVersion(version) },
  });
}

export function addDecision(reviewId: string, request: CreateDecision): Promise<ReviewDecision> {
  return sendForJson(`${reviewPath(reviewId)}/decisions`, reviewDecisionSchema, {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
  });
}

export function addActionItem(reviewId: string, request: CreateActionItem): Promise<ActionItem> {
  return sendForJson(`${reviewPath(reviewId)}/action-items`, actionItemSchema, {
    method: 'POST',
    body: JSON.stringify(request),
    contentType: 'application/json',
  });
}

/** Changes an action item (its status, say), on the condition that it is still the version shown. */
export function updateActionItem(
  reviewId: string,
  itemId: string,
  patch: UpdateActionItem,
  { version }: { version: number },
): Promise<ActionItem> {
  return sendForJson(`${reviewPath(reviewId)}/action-items/${segment(itemId)}`, actionItemSchema, {
    method: 'PATCH',
    body: JSON.stringify(patch),
    contentType: 'application/json',
    headers: { 'If-Match': etagOfVersion(version) },
  });
}

/**
 * Discards a review started by mistake (admins; only while it has no decisions and no action
 * items). Conditional on the version shown in the confirmation, as the API requires.
 */
export async function discardReview(id: string, { version }: { version: number }): Promise<void> {
  await send(reviewPath(id), { method: 'DELETE', headers: { 'If-Match': etagOfVersion(version) } });
}

/** Takes the review's snapshot again (admins; only before its first decision), on the version shown. */
export function refreezeReview(id: string, { version }: { version: number }): Promise<Review> {
  return sendForJson(`${reviewPath(id)}/snapshot`, reviewSchema, { method: 'POST', headers: { 'If-Match': etagOfVersion(version) } });
}

/** One page of the signed-in user's own action items across reviews, soonest due first. */
export function fetchMyActionItemsPage(
  query: { status?: ActionItemStatus | undefined; overdue?: boolean | undefined; cursor?: string | undefined; limit?: number | undefined },
  signal?: AbortSignal,
): Promise<ActionItemList> {
  const search = new URLSearchParams({ owner: 'me' });
  if (query.status !== undefined) search.set('status', query.status);
  if (query.overdue !== undefined) search.set('overdue', String(query.overdue));
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  if (query.cursor !== undefined) search.set('cursor', query.cursor);
  return sendForJson(`/api/v1/action-items?${search.toString()}`, actionItemListSchema, { signal });
}
