import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TargetChangeRequest } from '@autonomy/contracts';
import { fetchAreaTargets, fetchTargetChangesPage, saveTargetChange } from '../../lib/api.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { signalsQueryKeyRoot } from '../signals/queries.ts';

// Under the area's own keys: a figures save or an import changes targets too (source "figures" or
// "import"), and those already invalidate everything about the area.
export const areaTargetsQueryKey = (slug: string) => [...areaQueryKeyRoot, slug, 'targets'] as const;
export const targetChangesQueryKey = (slug: string) => [...areaTargetsQueryKey(slug), 'changes'] as const;

/** A screenful of changes; "Show more" fetches the next one. */
const TARGET_CHANGES_PAGE_SIZE = 20;

/** Each month's revenue target, from its figures or planned ahead of them. */
export function useAreaTargets(slug: string) {
  return useQuery({ queryKey: areaTargetsQueryKey(slug), queryFn: ({ signal }) => fetchAreaTargets(slug, signal) });
}

/** The area's target changes, newest first, a page at a time along the API's cursor. */
export function useTargetChanges(slug: string) {
  return useInfiniteQuery({
    queryKey: targetChangesQueryKey(slug),
    queryFn: ({ pageParam, signal }) => fetchTargetChangesPage(slug, { limit: TARGET_CHANGES_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (lastPage) => lastPage.nextCursor ?? undefined,
  });
}

/**
 * Sets a revenue target for a month or a range. A target is an input of revenue attainment, so
 * afterwards the area's targets, history, trend and figures are out of date, and so are the
 * portfolio and the signals (a new target can raise or clear a revenue miss) and the audit log.
 * The save stays pending until they have been fetched again, so the page never shows the new
 * target beside the old attainment.
 */
export function useSetTarget(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: TargetChangeRequest) => saveTargetChange(slug, request),
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...areaQueryKeyRoot, slug] }),
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]);
    },
  });
}
