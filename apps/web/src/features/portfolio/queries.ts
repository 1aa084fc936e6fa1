import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchPortfolio } from '../../lib/api.ts';

export const portfolioQueryKeyRoot = ['portfolio'] as const;
export const portfolioQueryKey = (month: string | undefined) => [...portfolioQueryKeyRoot, month ?? 'latest'] as const;

/** The portfolio for `month`, or for the latest month with figures when none is chosen. */
export function usePortfolio(month: string | undefined) {
  return useQuery({
    queryKey: portfolioQueryKey(month),
    queryFn: ({ signal }) => fetchPortfolio(month, signal),
    // Keep the previous month on screen while the next one loads, so the table does not blink.
    placeholderData: keepPreviousData,
  });
}
