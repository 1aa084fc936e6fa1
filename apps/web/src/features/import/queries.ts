import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importMetrics } from '../../lib/api.ts';
import { sessionQueryKey } from '../auth/queries.ts';

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  /** Skip the rows of areas the user may not write (an area lead's re-import of the whole export). */
  onlyMine: boolean;
}

export function useImportMetrics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, onlyMine }: ImportRequest) => importMetrics(file, { dryRun, onlyMine }),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      // An import can touch any area and month: refetch every figure, but keep the session.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}
