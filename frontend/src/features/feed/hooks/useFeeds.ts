import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { ITEM_CARD_PAGES_META } from '../../listings/api/item-cache';
import { ITEMS_PER_PAGE } from '../../listings/api/items';
import {
  fetchHomeFeed,
  fetchPopularFeed,
  homeFeedQueryKey,
  popularFeedQueryKey,
} from '../api/feed';

/** Followed sellers' new listings, then popular ones, each with the reason it is shown. */
export function useHomeFeed() {
  return useInfiniteQuery({
    queryKey: homeFeedQueryKey,
    queryFn: ({ pageParam, signal }) => fetchHomeFeed(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}

/** Popular listings now, `limit` a page: a full page to browse, a short one to preview. */
export function usePopularFeed(limit = ITEMS_PER_PAGE) {
  return useInfiniteQuery({
    queryKey: popularFeedQueryKey(limit),
    queryFn: ({ pageParam, signal }) => fetchPopularFeed(limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}
