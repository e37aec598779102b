import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { ITEM_CARD_PAGES_META } from '../../listings/api/item-cache';
import { fetchMyLikes, fetchMySaves, myLikesQueryKey, mySavesQueryKey } from '../api/reactions';

/** Listings the member liked, most recent like first. */
export function useMyLikes() {
  return useInfiniteQuery({
    queryKey: myLikesQueryKey,
    queryFn: ({ pageParam, signal }) => fetchMyLikes(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}

/** Listings the member saved, most recent first. */
export function useMySaves() {
  return useInfiniteQuery({
    queryKey: mySavesQueryKey,
    queryFn: ({ pageParam, signal }) => fetchMySaves(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: ITEM_CARD_PAGES_META,
  });
}
