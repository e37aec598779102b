import { ApiError } from '../../../lib/api-error';

/**
 * Why a 402 declined the card, in words: the API's message, which the provider wrote for
 * people; `details.reason` is its code (`card_declined`), for when there is no message.
 */
export function declineReason(error: ApiError): string {
  const code = error.details?.reason;
  if (error.message) return error.message;
  return typeof code === 'string' ? code.replaceAll('_', ' ') : 'The card was declined.';
}

export interface Declined {
  orderIds: string[];
  reservedUntil: string | null;
  reason: string;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry) => typeof entry === 'string') : [];
}

/** A 402 from checkout: the orders exist and hold the items; another card may pay them. */
export function declinedCheckout(error: unknown): Declined | null {
  if (!(error instanceof ApiError) || error.status !== 402) return null;
  const reservedUntil = error.details?.reserved_until;
  return {
    orderIds: stringList(error.details?.order_ids),
    reservedUntil: typeof reservedUntil === 'string' ? reservedUntil : null,
    reason: declineReason(error),
  };
}

const BACK_TO_CART = new Set([
  'item_unavailable',
  'price_changed',
  'quantity_unavailable',
  'cart_own_item',
  'member_blocked',
]);

/** A conflict only the cart can settle: a listing sold, held, repriced or out of reach. */
export function sendsBackToCart(error: unknown): error is ApiError {
  return error instanceof ApiError && BACK_TO_CART.has(error.code);
}
