import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DriftRules, DriftSettingsBody, SettingsResponse } from '@autonomy/contracts';
import { etagOfVersion, fetchSettings, saveSettings } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
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

export interface SettingsSave {
  settings: DriftSettingsBody;
  /** The version the form was filled in from: sent as `If-Match`. */
  version: number;
}

/**
 * The save was refused because another admin saved after the form was filled in (a 412).
 * Carries the settings as they are now, for the comparison and for the next save.
 */
export class SettingsChangedError extends ChangedMeanwhileError<SettingsResponse> {
  override readonly name = 'SettingsChangedError';
}

/** Sends the settings on the form's version; a 412 becomes a SettingsChangedError with the settings as they are now. */
export function saveSettingsOnVersion({ settings, version }: SettingsSave): Promise<SettingsResponse> {
  return writeUnlessChanged(
    () => saveSettings(settings, { ifMatch: etagOfVersion(version) }),
    () => fetchSettings(),
    SettingsChangedError,
  );
}

/**
 * Saves the settings, on the condition that nobody saved since the form's version. The API
 * recomputes every index and signal before it answers, so everything derived from them is stale
 * afterwards: the portfolio, every area's history and every signal. The same goes for a 412: the
 * other admin's save recomputed them.
 */
export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveSettingsOnVersion,
    onSettled: async (saved, error) => {
      const latest = saved ?? (error instanceof SettingsChangedError ? error.latest : undefined);
      if (!latest) return;
      queryClient.setQueryData(settingsQueryKey, latest);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portfolioQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: areaQueryKeyRoot }),
        queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
      ]);
    },
  });
}
