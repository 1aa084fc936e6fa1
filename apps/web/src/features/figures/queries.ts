import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AreaMonthFigures } from '@autonomy/contracts';
import { fetchAreaMonthForEdit, fetchAreaTargets, removeAreaMonth, saveAreaMonth, type VersionedAreaMonth } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { auditQueryKeyRoot } from '../audit/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { signalsQueryKeyRoot } from '../signals/queries.ts';
import { areaTargetsQueryKey } from '../targets/queries.ts';
import { plannedTargetFor } from './figures-form.ts';

/**
 * One month's figures with their ETag, read when the form opens. Never served from the cache
 * (staleTime 0) and forgotten when the form closes (gcTime 0): the ETag must be the one of the
 * figures the person actually sees.
 */
export function useFiguresForEdit(slug: string, month: string | null) {
  return useQuery({
    queryKey: [...areaQueryKeyRoot, slug, 'months', month, 'for-edit'],
    // Never run without a month (disabled below); an area's first figures have none to read.
    queryFn: ({ signal }) => fetchAreaMonthForEdit(slug, month ?? '', signal),
    enabled: month !== null,
    staleTime: 0,
    gcTime: 0,
  });
}

/**
 * The revenue target planned for a month that has no figures yet, or null when none is. Read
 * under the targets panel's own key, so it is the target the page shows, and a target change (or
 * a save or import, which invalidate the whole area) refreshes it.
 */
export function usePlannedTarget(slug: string, month: string, { enabled }: { enabled: boolean }) {
  return useQuery({
    queryKey: areaTargetsQueryKey(slug),
    queryFn: ({ signal }) => fetchAreaTargets(slug, signal),
    select: (targets) => plannedTargetFor(targets, month),
    enabled,
  });
}

/**
 * The save was refused because someone else saved these figures after they were read (a 412).
 * Carries what is saved now, with its ETag, for the side-by-side and for the next save.
 */
export class FiguresChangedError extends ChangedMeanwhileError<VersionedAreaMonth> {
  override readonly name = 'FiguresChangedError';
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
    mutationFn: ({ month, figures, ifMatch }: FiguresSave) =>
      writeUnlessChanged(
        () => saveAreaMonth(slug, month, figures, { ifMatch }),
        () => fetchAreaMonthForEdit(slug, month),
        FiguresChangedError,
      ),
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

/**
 * Removes a month's figures as shown (their version). Removed or refused because they changed
 * meanwhile, the page's figures, indices, signals and Changes are out of date either way.
 */
export function useRemoveFigures(slug: string, onRemoved: (month: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ month, version }: { month: string; version: number }) => removeAreaMonth(slug, month, { version }),
    // Here, not in mutate(): the refetch shows the month without figures, which unmounts the button that asked.
    onSuccess: (_removed, { month }) => onRemoved(month),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: auditQueryKeyRoot }),
      ]),
  });
}
