import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { memberQueriesKey } from '../../auth/api/me';

export type ItemDetail = components['schemas']['ItemDetail'];
export type ItemCard = components['schemas']['ItemCard'];
export type ItemPage = components['schemas']['ItemPage'];
export type ItemCreate = components['schemas']['ItemCreate'];
export type ItemUpdate = components['schemas']['ItemUpdate'];
export type ItemStatus = components['schemas']['ItemStatus'];

/** Listings are cached by id, whoever looks: drafts and hidden ones reach their seller only. */
export function itemQueryKey(itemId: string) {
  return ['items', itemId] as const;
}

/** The signed-in member's own listings, under the prefix dropped at sign-out. */
export const myItemsQueryKey = [...memberQueriesKey, 'items'] as const;

export function sellerItemsQueryKey(username: string) {
  return ['users', username, 'items'] as const;
}

/** What PATCH /items/{id} needs in If-Match: the version the edit was made against. */
export function itemEtag(item: Pick<ItemDetail, 'version'>): string {
  return `"v${item.version}"`;
}

export async function fetchItem(itemId: string): Promise<ItemDetail> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/items/{item_id}', { params: { path: { item_id: itemId } } }),
  );
}

export async function createItem(body: ItemCreate): Promise<ItemDetail> {
  return dataOrThrow(await apiClient.POST('/api/v1/items', { body }));
}

/**
 * Changes a listing made from version `item.version`. The API answers 412 `item_changed`
 * when someone (another tab, another device) changed it since.
 */
export async function updateItem(
  item: Pick<ItemDetail, 'id' | 'version'>,
  changes: ItemUpdate,
): Promise<ItemDetail> {
  return dataOrThrow(
    await apiClient.PATCH('/api/v1/items/{item_id}', {
      params: { path: { item_id: item.id }, header: { 'if-match': itemEtag(item) } },
      body: changes,
    }),
  );
}

export async function deleteItem(itemId: string): Promise<void> {
  okOrThrow(
    await apiClient.DELETE('/api/v1/items/{item_id}', { params: { path: { item_id: itemId } } }),
  );
}

/** A page of grid cards. */
export const ITEMS_PER_PAGE = 24;

export type MyItemsStatus = Exclude<ItemStatus, 'deleted'>;

export async function fetchMyItems(
  status: MyItemsStatus,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/me/items', {
      params: { query: { status, limit: ITEMS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function fetchSellerItems(
  username: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ItemPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/users/{username}/items', {
      params: { path: { username }, query: { limit: ITEMS_PER_PAGE, cursor } },
      signal,
    }),
  );
}
