import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import type { OrderDetail, OrderPage } from './types';

export type OrderRole = 'buyer' | 'seller';

export const ORDERS_PER_PAGE = 20;

export const ordersQueryKey = [...memberQueriesKey, 'orders'] as const;

export function orderListQueryKey(role: OrderRole) {
  return [...ordersQueryKey, 'list', role] as const;
}

export function orderQueryKey(orderId: string) {
  return [...ordersQueryKey, 'detail', orderId] as const;
}

export async function fetchOrders(
  role: OrderRole,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<OrderPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/orders', {
      params: { query: { role, cursor, limit: ORDERS_PER_PAGE } },
      signal,
    }),
  );
}

export async function fetchOrder(orderId: string, signal?: AbortSignal): Promise<OrderDetail> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/orders/{order_id}', {
      params: { path: { order_id: orderId } },
      signal,
    }),
  );
}

function orderPath(orderId: string) {
  return { path: { order_id: orderId } };
}

/** The order moves on by one step; each answers the order as it now is. */
export const orderTransitions = {
  cancel: async (orderId: string, reason: string | null) =>
    dataOrThrow(
      await apiClient.POST('/api/v1/orders/{order_id}/cancel', {
        params: orderPath(orderId),
        body: { reason },
      }),
    ),
  ship: async (orderId: string, carrier: string, trackingNumber: string) =>
    dataOrThrow(
      await apiClient.POST('/api/v1/orders/{order_id}/ship', {
        params: orderPath(orderId),
        body: { carrier, tracking_number: trackingNumber },
      }),
    ),
  deliver: async (orderId: string) =>
    dataOrThrow(
      await apiClient.POST('/api/v1/orders/{order_id}/deliver', { params: orderPath(orderId) }),
    ),
  complete: async (orderId: string) =>
    dataOrThrow(
      await apiClient.POST('/api/v1/orders/{order_id}/complete', { params: orderPath(orderId) }),
    ),
  dispute: async (orderId: string, reason: string) =>
    dataOrThrow(
      await apiClient.POST('/api/v1/orders/{order_id}/dispute', {
        params: orderPath(orderId),
        body: { reason },
      }),
    ),
} satisfies Record<string, (...args: never[]) => Promise<OrderDetail>>;
