import { useQueries, useQuery } from '@tanstack/react-query';
import { fetchPortfolio } from '../../lib/api.ts';
import { areaHistoryQueryOptions } from '../area/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { useMyActionItems } from '../reviews/queries.ts';

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
 * The reader's open action items across the reviews, from the reviews' own query, so marking one
 * done in a review pack takes it off this list too.
 */
export function useMyOpenActionItems() {
  return useMyActionItems({ status: 'open' });
}
