import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { ImportJob } from '@autonomy/contracts';
import { ApiError, fetchAllAreas, fetchImportJob, startImportJob } from '../../lib/api.ts';
import { sessionQueryKey } from '../auth/queries.ts';

export interface ImportRequest {
  file: File;
  dryRun: boolean;
  /** Skip the rows of areas the user may not write (an area lead's re-import of the whole export). */
  onlyMine: boolean;
}

// The job being followed, kept for the tab: leaving the page does not stop an import, and coming
// back shows how it went.
const FOLLOWED_JOB_KEY = 'autonomy.import-job';
const POLL_MS = 500;

const importJobKey = (id: string | null) => ['import-job', id] as const;

/**
 * An import as the dashboard runs it: the file goes up (with its progress), the API checks it at
 * once and starts a job, and the job is polled until it is done or failed.
 */
export function useImportJob() {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(() => sessionStorage.getItem(FOLLOWED_JOB_KEY));
  const [uploaded, setUploaded] = useState(0);

  const upload = useMutation({
    mutationFn: ({ file, dryRun, onlyMine }: ImportRequest) => startImportJob(file, { dryRun, onlyMine }, setUploaded),
    onMutate: () => {
      setUploaded(0);
      follow(null);
    },
    onSuccess: (job) => {
      queryClient.setQueryData(importJobKey(job.id), job);
      follow(job.id);
    },
  });

  const job = useQuery({
    queryKey: importJobKey(jobId),
    queryFn: () => fetchImportJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data?.status === 'running' ? POLL_MS : false),
    // A job that is gone (another database, say) or not ours is no longer followed; a dropped
    // connection is tried again.
    retry: (failures, error) => !(error instanceof ApiError && (error.status === 403 || error.status === 404)) && failures < 5,
  });

  const finishedImport = job.data?.status === 'done' && !job.data.dryRun ? job.data.id : null;
  useEffect(() => {
    if (finishedImport === null) return;
    // An import can touch any area and month: refetch every figure, but keep the session and the job.
    void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] && query.queryKey[0] !== 'import-job' });
  }, [finishedImport, queryClient]);

  function follow(id: string | null) {
    if (id === null) sessionStorage.removeItem(FOLLOWED_JOB_KEY);
    else sessionStorage.setItem(FOLLOWED_JOB_KEY, id);
    setJobId(id);
  }

  function reset() {
    upload.reset();
    follow(null);
  }

  const current: ImportJob | undefined = jobId === null ? undefined : job.data;
  return {
    start: (request: ImportRequest) => upload.mutate(request),
    reset,
    uploading: upload.isPending,
    uploaded,
    /** The request that was sent, while its answer matters. */
    request: upload.variables,
    /** The file was refused before a job was made (read, checked or not allowed). */
    refused: upload.error,
    job: current,
    /** Polling failed: the job cannot be followed (the server is unreachable, say). */
    lost: job.error,
  };
}

/** The areas an export can be narrowed to. */
export function useAreaChoices() {
  return useQuery({ queryKey: ['areas', 'all'], queryFn: ({ signal }) => fetchAllAreas(signal) });
}
