import { useMutation, useQueryClient } from '@tanstack/react-query';
import { importMetrics } from '../../lib/api.ts';
import { sessionQueryKey } from '../auth/queries.ts';

export interface ImportRequest {
  file: File;
  dryRun: boolean;
}

export function useImportMetrics() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: ImportRequest) => importMetrics(file, { dryRun }),
    onSuccess: async (result) => {
      if (result.dryRun) return;
      // An import can touch any area and month: refetch every figure, but keep the session.
      await queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    },
  });
}
