import { useQueries, useQuery } from '@tanstack/react-query';
import { actionItemListSchema, type OwnedActionItem } from '@autonomy/contracts';
import { fetchPortfolio } from '../../lib/api.ts';
import { followCursor, sendForJson } from '../../lib/http.ts';
import { areaHistoryQueryOptions } from '../area/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { reviewsQueryKeyRoot } from '../reviews/queries.ts';

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

/** The API's largest page: more open items than anyone has. */
const ACTION_ITEMS_PAGE_SIZE = 1000;

/** Every open action item the reader owns, across the reviews (`GET /action-items?owner=me`). */
export function fetchMyOpenActionItems(signal?: AbortSignal): Promise<OwnedActionItem[]> {
  return followCursor((cursor) => {
    const query = new URLSearchParams({ owner: 'me', status: 'open', limit: String(ACTION_ITEMS_PAGE_SIZE), ...(cursor ? { cursor } : {}) });
    return sendForJson(`/api/v1/action-items?${query.toString()}`, actionItemListSchema, { signal });
  });
}

/**
 * The reader's open action items. Under the reviews' key, so marking one done (which invalidates
 * the reviews) takes it off the list.
 */
export function useMyOpenActionItems() {
  return useQuery({ queryKey: [...reviewsQueryKeyRoot, 'action-items', 'mine', 'open'], queryFn: ({ signal }) => fetchMyOpenActionItems(signal) });
}
