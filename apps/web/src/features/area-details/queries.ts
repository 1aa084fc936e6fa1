import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateArea } from '@autonomy/contracts';
import { fetchAllUsers, fetchAreaForEdit, updateArea, type VersionedArea } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';

export const usersQueryKeyRoot = ['users'] as const;

/**
 * The area with its ETag, read when the form opens. Never served from the cache and forgotten when
 * the form closes: the ETag must be the one of the details the person actually sees.
 */
export function useAreaForEdit(slug: string) {
  return useQuery({
    queryKey: [...areaQueryKeyRoot, slug, 'for-edit'],
    queryFn: ({ signal }) => fetchAreaForEdit(slug, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * Every user account, to pick leads from. Admins only (the API refuses the list to anyone else),
 * so only the admin's part of the form asks for it.
 */
export function useUserAccounts() {
  return useQuery({ queryKey: [...usersQueryKeyRoot, 'all'], queryFn: ({ signal }) => fetchAllUsers(signal) });
}

/**
 * The change was refused because someone else changed the area after it was read (a 412).
 * Carries what is saved now, with its ETag, for the side-by-side and for the next save.
 */
export class AreaChangedError extends ChangedMeanwhileError<VersionedArea> {
  override readonly name = 'AreaChangedError';
}

export interface AreaDetailsSave {
  patch: UpdateArea;
  /** The ETag the area was read with: always sent, so no change is silently overwritten. */
  ifMatch: string;
}

/**
 * Saves an area's details. Afterwards the page header, the portfolio (which shows the name), the
 * users' lead lists and the area's Changes are out of date; so they are after a 412 too, since
 * someone else's change made them so.
 */
export function useSaveAreaDetails(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ patch, ifMatch }: AreaDetailsSave) =>
      writeUnlessChanged(() => updateArea(slug, patch, { ifMatch }), () => fetchAreaForEdit(slug), AreaChangedError),
    onSettled: async (_saved, error) => {
      if (error && !(error instanceof AreaChangedError)) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: [...areaQueryKeyRoot, slug] }),
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: usersQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]);
    },
  });
}
