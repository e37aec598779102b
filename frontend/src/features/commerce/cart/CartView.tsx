import { ShoppingBagIcon } from '@heroicons/react/24/outline';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { PageLoading } from '../../../components/layout/PageLoading';
import { formErrorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { useToast } from '../../../lib/toast';
import { EmptyState } from '../../listings/components/EmptyState';
import { readCartBounce } from '../shared/cart-bounce';
import { CartGroupCard } from './CartGroupCard';
import { useCart, useRemoveCartLine, useSetCartQuantity } from './useCart';

/** The cart, one card per seller, with what keeps it from checkout spelled out per line. */
export function CartView() {
  const cart = useCart();
  const setQuantity = useSetCartQuantity();
  const remove = useRemoveCartLine();
  const toast = useToast();
  const bounce = readCartBounce(useLocation().state);
  const [pendingItemId, setPendingItemId] = useState<string | null>(null);

  if (cart.isPending) return <PageLoading label="Loading your cart…" />;
  if (!cart.data) {
    return (
      <FormAlert>
        {formErrorMessage(cart.error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void cart.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  const { groups, total, checkout_ready: ready } = cart.data;
  if (groups.length === 0) {
    return (
      <EmptyState
        icon={ShoppingBagIcon}
        title="Your cart is empty"
        action={
          <ButtonLink to="/explore" variant="secondary">
            Explore listings
          </ButtonLink>
        }
      >
        Add listings from their page; they stay here until you check out.
      </EmptyState>
    );
  }

  const settle = () => {
    setPendingItemId(null);
  };
  const onQuantity = (itemId: string, quantity: number) => {
    setPendingItemId(itemId);
    setQuantity.mutate(
      { itemId, quantity },
      {
        onError: (error) => {
          toast.show(`The quantity was not changed. ${formErrorMessage(error)}`);
        },
        onSettled: settle,
      },
    );
  };
  const onRemove = (itemId: string) => {
    setPendingItemId(itemId);
    remove.mutate(itemId, {
      onError: (error) => {
        toast.show(`It was not removed. ${formErrorMessage(error)}`);
      },
      onSettled: settle,
    });
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] lg:items-start lg:gap-8">
      <div className="space-y-4">
        {bounce && <FormAlert>{bounce}</FormAlert>}
        {groups.map((group) => (
          <CartGroupCard
            key={group.seller.id}
            group={group}
            onQuantity={onQuantity}
            onRemove={onRemove}
            pendingItemId={pendingItemId}
          />
        ))}
      </div>
      <aside
        aria-labelledby="cart-total-heading"
        className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 lg:sticky lg:top-24"
      >
        <h2 id="cart-total-heading" className="text-base font-bold text-stone-900">
          Total
        </h2>
        <p className="flex items-baseline justify-between gap-4">
          <span className="text-sm text-stone-600">Items, shipping and buyer protection</span>
          <span className="text-2xl font-bold text-stone-900 tabular-nums">
            {total ? formatMoney(total) : '—'}
          </span>
        </p>
        <p className="text-sm leading-6 text-stone-600">
          Buyer protection is per seller: a fixed part plus a share of the items.
        </p>
        {ready ? (
          <ButtonLink to="/checkout" size="lg" className="w-full">
            Checkout
          </ButtonLink>
        ) : (
          <>
            <Button size="lg" className="w-full" disabled aria-describedby="cart-not-ready">
              Checkout
            </Button>
            <p id="cart-not-ready" className="text-sm font-medium text-amber-900">
              Fix or remove the items marked above to check out.
            </p>
          </>
        )}
      </aside>
    </div>
  );
}
