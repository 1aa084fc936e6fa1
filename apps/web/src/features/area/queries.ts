import { queryOptions, useQuery } from '@tanstack/react-query';
import { ApiError, fetchArea, fetchAreaHistory, fetchAreaMonth } from '../../lib/api.ts';

/** Every query about one area starts with this: its details, history and monthly figures. */
export const areaQueryKeyRoot = ['area'] as const;

export function useArea(slug: string) {
  return useQuery({ queryKey: [...areaQueryKeyRoot, slug], queryFn: ({ signal }) => fetchArea(slug, signal) });
}

/** An area's history, also read for each of a lead's areas on My areas. */
export function areaHistoryQueryOptions(slug: string) {
  return queryOptions({ queryKey: [...areaQueryKeyRoot, slug, 'history'], queryFn: ({ signal }) => fetchAreaHistory(slug, signal) });
}

export function useAreaHistory(slug: string) {
  return useQuery(areaHistoryQueryOptions(slug));
}

/** One month's raw figures; resolves to null when the area has none for that month (a 404). */
export function useAreaMonthFigures(slug: string, month: string | null) {
  return useQuery({
    queryKey: [...areaQueryKeyRoot, slug, 'months', month],
    queryFn: async ({ signal }) => {
      if (month === null) return null;
      try {
        return await fetchAreaMonth(slug, month, signal);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
    enabled: month !== null,
  });
}
