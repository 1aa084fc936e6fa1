import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateArea } from '@autonomy/contracts';
import { fetchAllAreas } from '../../lib/api.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { usersQueryKeyRoot } from '../area-details/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { sessionQueryKey } from '../auth/queries.ts';
import { createArea } from './areas-api.ts';

export const allAreasQueryKey = [...areaQueryKeyRoot, 'all'] as const;

/** Every area, active and archived, with or without figures. */
export function useAllAreas() {
  return useQuery({ queryKey: allAreasQueryKey, queryFn: ({ signal }) => fetchAllAreas(signal) });
}

/**
 * Creates an area. Its lead's account now names one more area (their session too, when the admin
 * names themself), and the portfolio's list of areas active in a month may count it.
 */
export function useCreateArea() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (area: CreateArea) => createArea(area),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: usersQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: sessionQueryKey }),
      ]),
  });
}
