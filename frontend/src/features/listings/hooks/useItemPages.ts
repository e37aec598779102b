import { useInfiniteQuery } from '@tanstack/react-query';
import {
  fetchMyItems,
  fetchSellerItems,
  myItemsQueryKey,
  type MyItemsStatus,
  sellerItemsQueryKey,
} from '../api/items';

/** Each page carries the cursor of the next; none means the end. */
function nextCursor(page: { next_cursor?: string | null }): string | undefined {
  return page.next_cursor ?? undefined;
}

/** The signed-in member's listings in one status, page by page. */
export function useMyItems(status: MyItemsStatus) {
  return useInfiniteQuery({
    queryKey: [...myItemsQueryKey, status],
    queryFn: ({ pageParam, signal }) => fetchMyItems(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/** A member's public listings, page by page. */
export function useSellerItems(username: string) {
  return useInfiniteQuery({
    queryKey: sellerItemsQueryKey(username),
    queryFn: ({ pageParam, signal }) => fetchSellerItems(username, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}
