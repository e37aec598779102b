import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { CheckoutRequest, CheckoutResult, OrderDetail } from './types';

/**
 * POST /checkout. The key makes a resend of the same request (after a lost answer) return
 * the first one's result instead of reserving and charging a second time.
 */
export async function postCheckout(
  body: CheckoutRequest,
  idempotencyKey: string,
): Promise<CheckoutResult> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/checkout', {
      params: { header: { 'Idempotency-Key': idempotencyKey } },
      body,
    }),
  );
}

/** Another attempt at paying an order still waiting for payment, with its own key. */
export async function payOrder(
  orderId: string,
  paymentMethod: string,
  idempotencyKey: string,
): Promise<OrderDetail> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/orders/{order_id}/pay', {
      params: { path: { order_id: orderId }, header: { 'Idempotency-Key': idempotencyKey } },
      body: { payment_method: paymentMethod },
    }),
  );
}
