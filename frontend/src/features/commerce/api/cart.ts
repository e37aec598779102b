import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import type { Cart } from './types';

/** The member's cart, private to them and dropped at sign-out with the rest. */
export const cartQueryKey = [...memberQueriesKey, 'cart'] as const;

export async function fetchCart(signal?: AbortSignal): Promise<Cart> {
  return dataOrThrow(await apiClient.GET('/api/v1/cart', { signal }));
}

/** Adds a listing, or sets how many of it: the API answers the whole cart, revalidated. */
export async function putCartItem(itemId: string, quantity: number): Promise<Cart> {
  return dataOrThrow(
    await apiClient.PUT('/api/v1/cart/items/{item_id}', {
      params: { path: { item_id: itemId } },
      body: { quantity },
    }),
  );
}

export async function deleteCartItem(itemId: string): Promise<Cart> {
  return dataOrThrow(
    await apiClient.DELETE('/api/v1/cart/items/{item_id}', {
      params: { path: { item_id: itemId } },
    }),
  );
}
