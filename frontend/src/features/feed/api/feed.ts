import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import { ITEMS_PER_PAGE, type ItemPage } from '../../listings/api/items';

/** The member's home feed: private, so under the prefix dropped at sign-out. */
export const homeFeedQueryKey = [...memberQueriesKey, 'feed'] as const;

export function popularFeedQueryKey(limit: number) {
  return ['feed', 'popular', limit] as const;
}

export async function fetchHomeFeed(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/feed', {
      params: { query: { limit: ITEMS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function fetchPopularFeed(
  limit: number,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/feed/popular', { params: { query: { limit, cursor } }, signal }),
  );
}
