import { useQueries, useQuery } from '@tanstack/react-query';
import { fetchPortfolio } from '../../lib/api.ts';
import { areaHistoryQueryOptions } from '../area/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { reviewsQueryKeyRoot } from '../reviews/queries.ts';
import { fetchAllReviews, fetchReview } from '../reviews/reviews-api.ts';

/** Each of the reader's areas' history: the months it has figures for, and its name. */
export function useMyAreaHistories(slugs: readonly string[]) {
  return useQueries({ queries: slugs.map((slug) => areaHistoryQueryOptions(slug)) });
}

/**
 * The newest month any area has reported, or null when none has: the end of "the last three
 * months". The portfolio lists every month with figures, newest first; kept under its key so a
 * save or an import (which invalidate the portfolio) refreshes it.
 */
export function useNewestReportedMonth() {
  return useQuery({
    queryKey: [...portfolioQueryKeyRoot, 'newest-reported-month'],
    queryFn: async ({ signal }) => (await fetchPortfolio(undefined, signal)).months[0] ?? null,
  });
}

/**
 * The reviews that still have open action items, in full, to find the reader's among them. Under
 * the reviews' key, so a change to an item (which invalidates the reviews) refreshes it.
 */
export function useReviewsWithOpenItems() {
  return useQuery({
    queryKey: [...reviewsQueryKeyRoot, 'with-open-items'],
    queryFn: async ({ signal }) => {
      const summaries = await fetchAllReviews(signal);
      const open = summaries.filter((review) => review.openActionItemCount > 0);
      return Promise.all(open.map((review) => fetchReview(review.id, signal)));
    },
  });
}
