import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { memberQueriesKey } from '../../auth/api/me';
import { ITEMS_PER_PAGE, type ItemPage } from '../../listings/api/items';

export type LikeState = components['schemas']['LikeState'];
export type SaveState = components['schemas']['SaveState'];

export const myLikesQueryKey = [...memberQueriesKey, 'likes'] as const;
export const mySavesQueryKey = [...memberQueriesKey, 'saves'] as const;

function itemPath(itemId: string) {
  return { params: { path: { item_id: itemId } } };
}

export async function setLike(itemId: string, liked: boolean): Promise<LikeState> {
  const path = '/api/v1/items/{item_id}/like';
  return dataOrThrow(
    await (liked
      ? apiClient.PUT(path, itemPath(itemId))
      : apiClient.DELETE(path, itemPath(itemId))),
  );
}

export async function setSave(itemId: string, saved: boolean): Promise<SaveState> {
  const path = '/api/v1/items/{item_id}/save';
  return dataOrThrow(
    await (saved
      ? apiClient.PUT(path, itemPath(itemId))
      : apiClient.DELETE(path, itemPath(itemId))),
  );
}

export async function fetchMyLikes(cursor: string | null, signal?: AbortSignal): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/me/likes', {
      params: { query: { limit: ITEMS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function fetchMySaves(cursor: string | null, signal?: AbortSignal): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/me/saves', {
      params: { query: { limit: ITEMS_PER_PAGE, cursor } },
      signal,
    }),
  );
}
