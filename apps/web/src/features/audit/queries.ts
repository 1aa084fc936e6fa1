import { useInfiniteQuery } from '@tanstack/react-query';
import { fetchAuditPage } from '../../lib/api.ts';

export const auditQueryKeyRoot = ['audit'] as const;
export const areaChangesQueryKey = (slug: string) => [...auditQueryKeyRoot, 'area', slug] as const;

/** A screenful of changes; "Show more" fetches the next one. */
const AREA_CHANGES_PAGE_SIZE = 20;

/** An area's audit events, newest first, a page at a time along the API's cursor. */
export function useAreaChanges(slug: string) {
  return useInfiniteQuery({
    queryKey: areaChangesQueryKey(slug),
    queryFn: ({ pageParam, signal }) =>
      fetchAuditPage({ area: slug, limit: AREA_CHANGES_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}
