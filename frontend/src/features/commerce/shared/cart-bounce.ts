/**
 * Why checkout sent the buyer back to the cart (a listing sold or its price changed while
 * they were paying), carried in the navigation state like `lib/flash.ts`.
 */
interface CartBounceState {
  cartBounce: string;
}

export function cartBounceState(reason: string): CartBounceState {
  return { cartBounce: reason };
}

export function readCartBounce(state: unknown): string | null {
  if (typeof state !== 'object' || state === null || !('cartBounce' in state)) return null;
  return typeof state.cartBounce === 'string' ? state.cartBounce : null;
}
