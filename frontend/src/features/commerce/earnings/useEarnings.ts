import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { earningsQueryKey, fetchEarnings } from '../api/earnings';

/**
 * The seller's balances and ledger. Every page repeats the balances; the first page's are
 * shown, and later pages add ledger lines.
 */
export function useEarnings() {
  return useInfiniteQuery({
    queryKey: earningsQueryKey,
    queryFn: ({ pageParam, signal }) => fetchEarnings(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => nextCursor(page.entries),
  });
}
