import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DecideIncident, DecideIncidents, IncidentDetail } from '@autonomy/contracts';
import { etagOfVersion } from '../../lib/api.ts';
import { commentOnIncident, decideIncident, decideIncidents, fetchAllIncidents, fetchIncident, type IncidentFilters } from './incidents-api.ts';
import { ChangedMeanwhileError, writeUnlessChanged } from '../../lib/conditional-write.ts';
import { signalsQueryKeyRoot } from './queries.ts';

// Under the signals' root: a decision on an incident changes its months' signals, and the reverse.
const incidentsRoot = [...signalsQueryKeyRoot, 'incidents'] as const;
export const incidentListQueryKey = (filters: IncidentFilters) => [...incidentsRoot, 'list', filters] as const;
export const incidentDetailQueryKey = (id: string) => [...incidentsRoot, 'detail', id] as const;

export function useIncidents(filters: IncidentFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: incidentListQueryKey(filters),
    queryFn: ({ signal }) => fetchAllIncidents(filters, signal),
    enabled: options.enabled ?? true,
  });
}

/** One incident with its months and history; fetched when someone opens it. */
export function useIncidentDetail(id: string) {
  return useQuery({ queryKey: incidentDetailQueryKey(id), queryFn: ({ signal }) => fetchIncident(id, signal) });
}

/** A decision refused because the incident changed after it was shown (412); carries it as it is now. */
export class IncidentChangedError extends ChangedMeanwhileError<IncidentDetail> {
  override readonly name = 'IncidentChangedError';
}

/** Every list, detail and month view showing signals is read again after any decision, refused or not. */
function useRefreshSignalsAfter() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: signalsQueryKeyRoot });
}

export function useDecideIncident() {
  const onSettled = useRefreshSignalsAfter();
  return useMutation({
    mutationFn: ({ id, decision, version }: { id: string; decision: DecideIncident; version: number }) =>
      writeUnlessChanged(() => decideIncident(id, decision, { ifMatch: etagOfVersion(version) }), () => fetchIncident(id), IncidentChangedError),
    onSettled,
  });
}

/** One decision on the incidents selected, each at the version on screen: all or none (a 412 when any changed). */
export function useDecideIncidents() {
  const onSettled = useRefreshSignalsAfter();
  return useMutation({ mutationFn: (decision: DecideIncidents) => decideIncidents(decision), onSettled });
}

export function useCommentOnIncident(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => commentOnIncident(id, text),
    onSettled: () => queryClient.invalidateQueries({ queryKey: incidentDetailQueryKey(id) }),
  });
}
