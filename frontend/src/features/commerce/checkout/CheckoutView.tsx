import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Navigate, useNavigate } from 'react-router';
import { FormAlert } from '../../../components/ui/FormAlert';
import { PageLoading } from '../../../components/layout/PageLoading';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { applyServerErrors, formErrorMessage } from '../../../lib/form-errors';
import { useSignedInMember } from '../../auth/hooks/useMe';
import { cartQueryKey } from '../api/cart';
import type { Cart } from '../api/types';
import { useCart } from '../cart/useCart';
import { cartBounceState } from '../shared/cart-bounce';
import { AddressFields } from './AddressFields';
import { type Declined, declinedCheckout, sendsBackToCart } from './checkout-errors';
import {
  CHECKOUT_FIELDS,
  checkoutRequest,
  checkoutSchema,
  type CheckoutValues,
} from './checkout-form';
import { CheckoutSummary } from './CheckoutSummary';
import { confirmationPath } from './confirmation-path';
import { PayForm } from './PayForm';
import { PaymentFields } from './PaymentFields';
import { useCheckout } from './useCheckout';

/** The address and card form, and after a declined card, another card for the same orders. */
function CheckoutForm({ cart }: { cart: Cart }) {
  const member = useSignedInMember();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const checkout = useCheckout();
  const [formError, setFormError] = useState<string | null>(null);
  const [declined, setDeclined] = useState<Declined | null>(null);
  // The summary keeps showing what was ordered while the cart changes underneath.
  const [ordered, setOrdered] = useState<Cart>(cart);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    formState: { errors },
  } = useForm<CheckoutValues>({
    resolver: zodResolver(checkoutSchema),
    defaultValues: {
      name: member.display_name,
      line1: '',
      line2: '',
      postal_code: '',
      city: member.location?.city ?? '',
      country_code: member.location?.country ?? '',
      card_number: '',
    },
  });

  const finish = (orderIds: string[]) => {
    void navigate(confirmationPath(orderIds));
    void queryClient.invalidateQueries({ queryKey: cartQueryKey });
  };

  const onSubmit = handleSubmit((values) => {
    if (checkout.isPending) return;
    setFormError(null);
    setOrdered(cart);
    checkout.mutate(checkoutRequest(cart, values), {
      onSuccess: (result) => {
        finish(result.orders.map((order) => order.id));
      },
      onError: (error) => {
        const decline = declinedCheckout(error);
        if (decline) {
          setDeclined(decline);
          void queryClient.invalidateQueries({ queryKey: cartQueryKey });
          return;
        }
        if (sendsBackToCart(error)) {
          void queryClient.invalidateQueries({ queryKey: cartQueryKey });
          void navigate('/cart', { state: cartBounceState(error.message) });
          return;
        }
        setFormError(applyServerErrors(error, setError, CHECKOUT_FIELDS));
      },
    });
  });

  const payOrderId = declined?.orderIds[0];
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start lg:gap-12">
      <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-8">
        {declined && payOrderId ? (
          <PayForm
            orderId={payOrderId}
            reservedUntil={declined.reservedUntil}
            declined={declined.reason}
            onPaid={() => {
              finish(declined.orderIds);
            }}
          />
        ) : (
          <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-8">
            {formError && <FormAlert>{formError}</FormAlert>}
            {declined && <FormAlert>Your payment was declined: {declined.reason}</FormAlert>}
            <AddressFields register={register} errors={errors} />
            <PaymentFields register={register} setValue={setValue} errors={errors} />
            <SubmitButton pending={checkout.isPending} className="w-full sm:w-auto">
              Pay and place {cart.groups.length === 1 ? 'order' : `${cart.groups.length} orders`}
            </SubmitButton>
          </form>
        )}
      </div>
      <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6 lg:sticky lg:top-24">
        <CheckoutSummary cart={declined ? ordered : cart} />
      </div>
    </div>
  );
}

/**
 * Checkout opens on a cart that is ready, or goes back to the cart. Once open it stays,
 * whatever the cart becomes: a declined card keeps the buyer here to try another.
 */
export function CheckoutView() {
  const cart = useCart();
  const [entered, setEntered] = useState(false);
  const ready = Boolean(cart.data && cart.data.groups.length > 0 && cart.data.checkout_ready);
  // Derived once from the first ready cart: React's way of state that follows data.
  if (ready && !entered) setEntered(true);

  if (cart.isPending) return <PageLoading label="Loading your cart…" />;
  if (!cart.data) return <FormAlert>{formErrorMessage(cart.error)}</FormAlert>;
  if (!entered && !ready) return <Navigate to="/cart" replace />;
  return <CheckoutForm cart={cart.data} />;
}
