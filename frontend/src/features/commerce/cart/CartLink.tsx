import { ShoppingBagIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { useCart } from './useCart';

/** The header's cart: how many lines are in it, and the way to it. */
export function CartLink() {
  const count = useCart().data?.count ?? 0;
  return (
    <Link
      to="/cart"
      aria-label={count > 0 ? `Cart, ${count} ${count === 1 ? 'item' : 'items'}` : 'Cart'}
      className="relative inline-flex size-10 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-stone-900"
    >
      <ShoppingBagIcon className="size-6" aria-hidden="true" />
      {count > 0 && (
        <span
          data-testid="cart-count"
          aria-hidden="true"
          className="absolute top-0.5 right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-700 px-1 text-xs font-bold text-white tabular-nums ring-2 ring-white"
        >
          {count > 99 ? '99+' : count}
        </span>
      )}
    </Link>
  );
}
