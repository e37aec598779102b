import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { ITEM_CARD_PAGES_META } from '../api/item-cache';
import {
  fetchMyItems,
  fetchSellerItems,
  myItemsQueryKey,
  type MyItemsStatus,
  sellerItemsQueryKey,
} from '../api/items';

/** The signed-in member's listings in one status, page by page. */
export function useMyItems(status: MyItemsStatus) {
  return useInfiniteQuery({
    queryKey: [...myItemsQueryKey, status],
    queryFn: ({ pageParam, signal }) => fetchMyItems(status, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}

/** A member's public listings, page by page. */
export function useSellerItems(username: string) {
  return useInfiniteQuery({
    queryKey: sellerItemsQueryKey(username),
    queryFn: ({ pageParam, signal }) => fetchSellerItems(username, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}
