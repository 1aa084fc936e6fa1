import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

/** Client errors (bad month, missing area, no session) will not change on a retry; outages might. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Monthly figures change when someone imports, and an import invalidates them itself.
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
