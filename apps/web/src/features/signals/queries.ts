import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Signal, SignalDetail, UpdateSignalStatus } from '@autonomy/contracts';
import { etagOfVersion, fetchAllSignals, fetchSignal, updateSignalStatus, type SignalFilters } from '../../lib/api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';

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
  /** The version of the signal the person decided on: sent as `If-Match`. */
  version: number;
}

/**
 * The decision was refused because the signal changed after it was shown (a 412): someone else
 * decided first, or a recomputation moved it. Carries the signal as it is now, for the message.
 */
export class SignalChangedError extends ChangedMeanwhileError<SignalDetail> {
  override readonly name = 'SignalChangedError';
}

/** Sends the decision on the version seen; a 412 becomes a SignalChangedError with the signal as it is now. */
export function decideOnSignal({ id, update, version }: SignalStatusChange): Promise<Signal> {
  return writeUnlessChanged(
    () => updateSignalStatus(id, update, { ifMatch: etagOfVersion(version) }),
    () => fetchSignal(id),
    SignalChangedError,
  );
}

/**
 * Changes a signal's status, on the condition that it is still the version the person saw. Not
 * optimistic: the API may refuse (409 for a signal the data cleared, 412 for one changed since),
 * so the screen waits for its verdict, and stays pending until every list and history showing
 * signals has been fetched again. Refetched after a refusal too: it means the screen is out of date.
 */
export function useUpdateSignalStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideOnSignal,
    onSettled: () => queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot }),
  });
}
