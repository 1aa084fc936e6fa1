import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaMonthFigures } from '@autonomy/contracts';
import {
  ApiError,
  fetchAreaMonthForEdit,
  PRECONDITION_FAILED_STATUS,
  saveAreaMonth,
  type VersionedAreaMonth,
} from '../../lib/api.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { signalsQueryKeyRoot } from '../signals/queries.ts';

/**
 * One month's figures with their ETag, read when the form opens. Never served from the cache
 * (staleTime 0) and forgotten when the form closes (gcTime 0): the ETag must be the one of the
 * figures the person actually sees.
 */
export function useFiguresForEdit(slug: string, month: string) {
  return useQuery({
    queryKey: [...areaQueryKeyRoot, slug, 'months', month, 'for-edit'],
    queryFn: ({ signal }) => fetchAreaMonthForEdit(slug, month, signal),
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * The save was refused because someone else saved these figures after they were read (a 412).
 * Carries what is saved now, with its ETag, for the side-by-side and for the next save.
 */
export class FiguresChangedError extends Error {
  readonly latest: VersionedAreaMonth;

  constructor(latest: VersionedAreaMonth, refusal: ApiError) {
    super(refusal.message);
    this.name = 'FiguresChangedError';
    this.latest = latest;
  }
}

export interface FiguresSave {
  month: string;
  figures: AreaMonthFigures;
  /** The ETag the figures were read with; null only to add a month that has none yet. */
  ifMatch: string | null;
}

/**
 * Saves one month's figures. The API recomputes the area's indices and signals and audits the
 * change before it answers, so afterwards the portfolio, the area's history, the signals and the
 * Changes are all out of date; the save stays pending until they have been fetched again, so the
 * confirmation can state the recomputed drift. The same goes for a 412: someone else's save
 * changed them too.
 */
export function useSaveFigures(slug: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ month, figures, ifMatch }: FiguresSave) => {
      try {
        return await saveAreaMonth(slug, month, figures, { ifMatch });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status !== PRECONDITION_FAILED_STATUS) throw error;
        throw new FiguresChangedError(await fetchAreaMonthForEdit(slug, month), error);
      }
    },
    onSettled: async (_saved, error) => {
      if (error && !(error instanceof FiguresChangedError)) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]);
    },
  });
}
