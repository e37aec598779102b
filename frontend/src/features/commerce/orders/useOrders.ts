import {
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import {
  fetchOrder,
  fetchOrders,
  orderListQueryKey,
  orderQueryKey,
  ordersQueryKey,
  type OrderRole,
} from '../api/orders';
import type { OrderDetail } from '../api/types';

/** How often an order whose payment is still being confirmed is asked about. */
export const PAYMENT_POLL_MS = 2000;

/** The payment was sent and the provider has not said yet how it went. */
export function isConfirmingPayment(order: OrderDetail | undefined): boolean {
  if (order?.status !== 'pending_payment') return false;
  const status = order.payment?.status;
  return status === 'pending' || status === 'processing';
}

function pollWhileConfirming(query: { state: { data: OrderDetail | undefined } }) {
  return isConfirmingPayment(query.state.data) ? PAYMENT_POLL_MS : false;
}

export function useOrderPages(role: OrderRole) {
  return useInfiniteQuery({
    queryKey: orderListQueryKey(role),
    queryFn: ({ pageParam, signal }) => fetchOrders(role, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/** One order; polled while its payment is being confirmed, until paid or declined. */
export function useOrder(orderId: string) {
  return useQuery({
    queryKey: orderQueryKey(orderId),
    queryFn: ({ signal }) => fetchOrder(orderId, signal),
    refetchInterval: pollWhileConfirming,
  });
}

/** The orders one checkout made, each polled like `useOrder`. */
export function useOrdersById(orderIds: string[]) {
  return useQueries({
    queries: orderIds.map((orderId) => ({
      queryKey: orderQueryKey(orderId),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchOrder(orderId, signal),
      refetchInterval: pollWhileConfirming,
    })),
  });
}

/**
 * A step in an order's life (ship, confirm delivery…): the answer is the order as it now
 * is, and the lists it appears in are stale.
 */
export function useOrderStep<TArgs>(run: (args: TArgs) => Promise<OrderDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (order) => {
      queryClient.setQueryData<OrderDetail>(orderQueryKey(order.id), order);
      void queryClient.invalidateQueries({ queryKey: [...ordersQueryKey, 'list'] });
    },
  });
}
