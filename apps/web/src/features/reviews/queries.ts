import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionItem,
  ActionItemStatus,
  OwnedActionItem,
  CreateActionItem,
  CreateDecision,
  CreateReview,
  Review,
  ReviewSummary,
  UpdateActionItem,
  UpdateReview,
} from '@autonomy/contracts';
import { ApiError } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
import { followCursor } from '../../lib/http.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import {
  addActionItem,
  addDecision,
  createReview,
  discardReview,
  fetchAllReviews,
  fetchReview,
  fetchReviewsPage,
  fetchMyActionItemsPage,
  findReviewOfMonth,
  refreezeReview,
  updateActionItem,
  updateReview,
} from './reviews-api.ts';

export const reviewsQueryKeyRoot = ['reviews'] as const;
export const reviewListQueryKey = [...reviewsQueryKeyRoot, 'list'] as const;
export const allReviewsQueryKey = [...reviewsQueryKeyRoot, 'all'] as const;
export const reviewQueryKey = (id: string) => [...reviewsQueryKeyRoot, 'detail', id] as const;
export const myActionItemsQueryKey = (query: MyActionItemsQuery = {}) => [...reviewsQueryKeyRoot, 'my-action-items', query] as const;

/** A screenful of reviews: more than a year of monthly meetings. "Show more" fetches the next. */
const REVIEW_LIST_PAGE_SIZE = 24;

/** The reviews, newest month first, a page at a time along the API's cursor. */
export function useReviewList() {
  return useInfiniteQuery({
    queryKey: reviewListQueryKey,
    queryFn: ({ pageParam, signal }) => fetchReviewsPage({ limit: REVIEW_LIST_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/** Every review, for the start form to know which months already have one. */
export function useAllReviews() {
  return useQuery({ queryKey: allReviewsQueryKey, queryFn: ({ signal }) => fetchAllReviews(signal) });
}

export function useReview(id: string) {
  return useQuery({ queryKey: reviewQueryKey(id), queryFn: ({ signal }) => fetchReview(id, signal) });
}

/** HTTP status of a refused start: the month already has its review. */
export const REVIEW_EXISTS_STATUS = 409;

/**
 * The month already has a review (a 409). Carries that review, looked up at once, so the form can
 * offer a link to it; null if looking it up failed (the refusal itself still says why).
 */
export class ReviewExistsError extends Error {
  readonly existing: ReviewSummary | null;
  readonly refusal: ApiError;

  constructor(existing: ReviewSummary | null, refusal: ApiError) {
    super(refusal.message);
    this.name = 'ReviewExistsError';
    this.existing = existing;
    this.refusal = refusal;
  }
}

/** Starts a review; a 409 becomes a ReviewExistsError naming the month's review. */
export async function startReview(request: CreateReview): Promise<Review> {
  try {
    return await createReview(request);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== REVIEW_EXISTS_STATUS) throw error;
    const existing = await findReviewOfMonth(request.month).catch(() => null);
    throw new ReviewExistsError(existing, error);
  }
}

export function useStartReview() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startReview,
    onSuccess: (review) => {
      // The pack opens next: hand it the review just made rather than asking for it again.
      queryClient.setQueryData(reviewQueryKey(review.id), review);
      // Not awaited: the pack opens at once, and the lists refresh behind it.
      void Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewListQueryKey }),
        queryClient.invalidateQueries({ queryKey: allReviewsQueryKey }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]);
    },
    // Someone else started that month's review meanwhile: the list and the month picker are out of date.
    onError: async (error) => {
      if (!(error instanceof ReviewExistsError)) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewListQueryKey }),
        queryClient.invalidateQueries({ queryKey: allReviewsQueryKey }),
      ]);
    },
  });
}

/**
 * The change to the date, agenda or notes was refused because someone else saved after the form
 * opened (a 412). Carries the review as saved now, for the comparison and for the next save.
 */
export class ReviewChangedError extends ChangedMeanwhileError<Review> {
  override readonly name = 'ReviewChangedError';
}

export interface ReviewRecordSave {
  patch: UpdateReview;
  /** The version the form was opened on: sent as `If-Match`. */
  version: number;
}

/** Sends the change on the form's version; a 412 becomes a ReviewChangedError with the review as it is now. */
export function saveReviewRecord(id: string, { patch, version }: ReviewRecordSave): Promise<Review> {
  return writeUnlessChanged(() => updateReview(id, patch, { version }), () => fetchReview(id), ReviewChangedError);
}

/** Who refreshes what after a change to one review: the pack itself, the list's counts, the audit log. */
function useRefreshAfterReviewChange(id: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: reviewQueryKey(id) }),
      queryClient.invalidateQueries({ queryKey: reviewListQueryKey }),
      queryClient.invalidateQueries({ queryKey: allReviewsQueryKey }),
      queryClient.invalidateQueries({ queryKey: [...reviewsQueryKeyRoot, 'my-action-items'] }),
      queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
    ]);
}

export function useSaveReviewRecord(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterReviewChange(id);
  return useMutation({
    mutationFn: (save: ReviewRecordSave) => saveReviewRecord(id, save),
    onSettled: async (saved, error) => {
      const latest = saved ?? (error instanceof ReviewChangedError ? error.latest : undefined);
      if (!latest) return;
      queryClient.setQueryData(reviewQueryKey(id), latest);
      await refresh();
    },
  });
}

/** Records a decision; the save stays pending until the pack shows it. */
export function useAddDecision(reviewId: string) {
  const refresh = useRefreshAfterReviewChange(reviewId);
  return useMutation({
    mutationFn: (request: CreateDecision) => addDecision(reviewId, request),
    onSuccess: refresh,
  });
}

/** Records an action item; the save stays pending until the pack shows it. */
export function useAddActionItem(reviewId: string) {
  const refresh = useRefreshAfterReviewChange(reviewId);
  return useMutation({
    mutationFn: (request: CreateActionItem) => addActionItem(reviewId, request),
    onSuccess: refresh,
  });
}

/**
 * The change to an action item was refused because it changed after it was shown (a 412).
 * Carries the item as it is now (null if it is no longer in the review), for the message.
 */
export class ActionItemChangedError extends ChangedMeanwhileError<ActionItem | null> {
  override readonly name = 'ActionItemChangedError';
}

export interface ActionItemChange {
  itemId: string;
  patch: UpdateActionItem;
  /** The version of the item the person acted on: sent as `If-Match`. */
  version: number;
}

/** Sends the change on the version seen; a 412 becomes an ActionItemChangedError with the item as it is now. */
export function changeActionItem(reviewId: string, { itemId, patch, version }: ActionItemChange): Promise<ActionItem> {
  return writeUnlessChanged(
    () => updateActionItem(reviewId, itemId, patch, { version }),
    // There is no GET for one item: the review carries them all.
    async () => (await fetchReview(reviewId)).actionItems.find((item) => item.id === itemId) ?? null,
    ActionItemChangedError,
  );
}

/** Changes an action item; refreshed after a 412 too, since the table is then out of date. */
export function useChangeActionItem(reviewId: string) {
  const refresh = useRefreshAfterReviewChange(reviewId);
  return useMutation({
    mutationFn: (change: ActionItemChange) => changeActionItem(reviewId, change),
    onSettled: (_saved, error) => (error && !(error instanceof ActionItemChangedError) ? undefined : refresh()),
  });
}

/** Which of one's own action items to list: one status (all when left out), or only the overdue ones. */
export interface MyActionItemsQuery {
  status?: ActionItemStatus;
  overdue?: boolean;
}

/**
 * The signed-in user's own action items across every review (`GET /api/v1/action-items?owner=me`),
 * soonest due first and undated last, each with its review's month. `{ status: 'open' }` gives
 * what is left to do; `isOverdue` (review-dates.ts) flags those past their day.
 */
export function useMyActionItems(query: MyActionItemsQuery = { status: 'open' }) {
  return useQuery({
    queryKey: myActionItemsQueryKey(query),
    queryFn: ({ signal }): Promise<OwnedActionItem[]> =>
      followCursor((cursor) => fetchMyActionItemsPage({ ...query, cursor, limit: 1000 }, signal)),
  });
}

/**
 * Discards a review started by mistake, on the version the confirmation showed. The pack is gone
 * afterwards: its query is dropped (not refetched into a 404) and the lists refresh.
 */
export function useDiscardReview(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ version }: { version: number }) => discardReview(id, { version }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: reviewQueryKey(id) });
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: reviewListQueryKey }),
        queryClient.invalidateQueries({ queryKey: allReviewsQueryKey }),
        queryClient.invalidateQueries({ queryKey: [...reviewsQueryKeyRoot, 'my-action-items'] }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]);
    },
  });
}

/** Takes the review's snapshot again, on the version the confirmation showed; the pack shows the new one. */
export function useRefreezeReview(id: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshAfterReviewChange(id);
  return useMutation({
    mutationFn: ({ version }: { version: number }) => refreezeReview(id, { version }),
    onSuccess: async (review) => {
      queryClient.setQueryData(reviewQueryKey(id), review);
      await refresh();
    },
  });
}
