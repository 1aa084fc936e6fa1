import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DriftRules, DriftSettingsBody, SettingsResponse } from '@autonomy/contracts';
import { fetchSettings, saveSettings } from '../../lib/api.ts';
import { areaQueryKeyRoot } from '../area/queries.ts';
import { portfolioQueryKeyRoot } from '../portfolio/queries.ts';
import { signalsQueryKeyRoot } from '../signals/queries.ts';

export const settingsQueryKey = ['settings'] as const;

export function useSettings() {
  return useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => fetchSettings(signal) });
}

function toDriftRules({ settings }: SettingsResponse): DriftRules {
  return {
    windowMonths: settings.windowMonths,
    ownershipFallThreshold: settings.ownershipFallThreshold,
    centralisationRiseThreshold: settings.centralisationRiseThreshold,
  };
}

/**
 * The window and thresholds, for pages whose own response does not carry them (an area's
 * history). The portfolio carries its own `rules`; use those there.
 */
export function useDriftRules(): DriftRules | undefined {
  return useQuery({ queryKey: settingsQueryKey, queryFn: ({ signal }) => fetchSettings(signal), select: toDriftRules })
    .data;
}

/**
 * Saves the settings. The API recomputes every index and signal before it answers, so everything
 * derived from them is stale afterwards: the portfolio, every area's history and every signal.
 */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: DriftSettingsBody) => saveSettings(settings),
    onSuccess: async (response) => {
      queryClient.setQueryData(settingsQueryKey, response);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
      ]);
    },
  });
}
