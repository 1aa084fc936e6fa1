import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UpdateSignalStatus } from '@autonomy/contracts';
import { fetchAllSignals, fetchSignal, updateSignalStatus, type SignalFilters } from '../../lib/api.ts';

export const signalsQueryKeyRoot = ['signals'] as const;
export const signalListQueryKey = (filters: SignalFilters) => [...signalsQueryKeyRoot, 'list', filters] as const;
export const signalDetailQueryKey = (id: string) => [...signalsQueryKeyRoot, 'detail', id] as const;

/** Every signal matching the filters (one month, or one area), in the API's order. */
export function useSignals(filters: SignalFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: signalListQueryKey(filters),
    queryFn: ({ signal }) => fetchAllSignals(filters, signal),
    enabled: options.enabled ?? true,
  });
}

/** One signal with its history; fetched only when someone opens it. */
export function useSignalDetail(id: string) {
  return useQuery({ queryKey: signalDetailQueryKey(id), queryFn: ({ signal }) => fetchSignal(id, signal) });
}

export interface SignalStatusChange {
  id: string;
  update: UpdateSignalStatus;
}

/**
 * Changes a signal's status. Not optimistic: the API may refuse (a signal the data cleared in
 * the meantime answers 409), so the screen waits for its verdict, and stays pending until every
 * list and history showing signals has been fetched again. Refetched after a refusal too: a 409
 * means the screen is out of date.
 */
export function useUpdateSignalStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, update }: SignalStatusChange) => updateSignalStatus(id, update),
    onSettled: () => queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
  });
}
