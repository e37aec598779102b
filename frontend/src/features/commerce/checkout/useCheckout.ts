import { useMutation } from '@tanstack/react-query';
import { postCheckout } from '../api/checkout';
import type { CheckoutRequest } from '../api/types';
import { useIdempotencyKey } from './idempotency';

/**
 * POST /checkout. A key is made for each new submission and kept while its outcome is
 * unknown (no answer, 5xx, still in flight), so pressing Pay again after a dropped
 * connection replays the first checkout instead of making a second one.
 */
export function useCheckout() {
  const idempotency = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: CheckoutRequest) => postCheckout(body, idempotency.keyFor(body)),
    onSuccess: () => {
      idempotency.settle();
    },
    onError: (error) => {
      idempotency.settle(error);
    },
  });
}
