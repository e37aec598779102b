import { useMutation, useQueryClient } from '@tanstack/react-query';
import { payOrder } from '../api/checkout';
import { orderQueryKey, ordersQueryKey } from '../api/orders';
import type { OrderDetail } from '../api/types';
import { useIdempotencyKey } from './idempotency';

/**
 * POST /orders/{id}/pay with a key per attempt: the same card sent again after a lost
 * answer reuses its key, so the order is never charged twice.
 */
export function usePayOrder(orderId: string) {
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (paymentMethod: string) =>
      payOrder(orderId, paymentMethod, idempotency.keyFor({ orderId, paymentMethod })),
    onSuccess: (order) => {
      idempotency.settle();
      queryClient.setQueryData<OrderDetail>(orderQueryKey(order.id), order);
      void queryClient.invalidateQueries({ queryKey: ordersQueryKey });
    },
    onError: (error) => {
      idempotency.settle(error);
    },
  });
}
