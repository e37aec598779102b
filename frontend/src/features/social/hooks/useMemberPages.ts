import { useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { MEMBER_CARD_PAGES_META } from '../api/follow-cache';
import { type Connection, connectionsQueryKey, fetchConnections } from '../api/follows';
import { fetchRestricted, type Restriction, restrictedQueryKey } from '../api/restrictions';

/** A member's followers, or the members they follow, most recent first. */
export function useConnections(username: string, connection: Connection) {
  return useInfiniteQuery({
    queryKey: connectionsQueryKey(username, connection),
    queryFn: ({ pageParam, signal }) => fetchConnections(username, connection, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    meta: MEMBER_CARD_PAGES_META,
  });
}

/** The members the signed-in member blocked, or muted. */
export function useRestricted(restriction: Restriction) {
  return useInfiniteQuery({
    queryKey: restrictedQueryKey(restriction),
    queryFn: ({ pageParam, signal }) => fetchRestricted(restriction, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}
