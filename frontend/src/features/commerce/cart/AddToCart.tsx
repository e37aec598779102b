import { ShoppingBagIcon } from '@heroicons/react/20/solid';
import { useId, useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { Spinner } from '../../../components/ui/Spinner';
import { controlClasses } from '../../../components/ui/field-styles';
import { formErrorMessage } from '../../../lib/form-errors';
import { useToast } from '../../../lib/toast';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInRedirect } from '../../auth/hooks/useSignInRedirect';
import type { ItemDetail } from '../../listings/api/items';
import { ReservedBadge } from '../shared/ReservedBadge';
import { useSetCartQuantity } from './useCart';

/** The most a picker offers; larger stocks are bought in several goes. */
const MAX_PICK = 20;

interface AddToCartProps {
  item: Pick<ItemDetail, 'id' | 'title' | 'status' | 'available'> & {
    reserved_until?: string | null;
  };
}

/**
 * Add to cart on a listing's page, with a quantity picker when more than one is left.
 * The page leaves it out for the seller's own listings; sold ones show nothing to buy.
 */
export function AddToCart({ item }: AddToCartProps) {
  const { data: member } = useMe();
  const signIn = useSignInRedirect();
  const toast = useToast();
  const add = useSetCartQuantity();
  const [quantity, setQuantity] = useState(1);
  const pickerId = useId();

  if (item.status === 'sold' || item.status === 'hidden' || item.status === 'draft') return null;
  const choices = Math.min(item.available, MAX_PICK);

  return (
    <div className="space-y-3">
      <ReservedBadge until={item.reserved_until} showTime />
      <div className="flex flex-wrap items-end gap-3">
        {choices > 1 && (
          <div className="space-y-1.5">
            <label htmlFor={pickerId} className="block text-sm font-semibold text-stone-900">
              Quantity
            </label>
            <select
              id={pickerId}
              value={quantity}
              onChange={(event) => {
                setQuantity(Number(event.target.value));
              }}
              className={`${controlClasses} h-11 w-24`}
            >
              {Array.from({ length: choices }, (_, index) => (
                <option key={index + 1} value={index + 1}>
                  {index + 1}
                </option>
              ))}
            </select>
          </div>
        )}
        <Button
          size="lg"
          aria-busy={add.isPending}
          onClick={() => {
            if (!member) {
              signIn();
              return;
            }
            if (add.isPending) return;
            add.mutate(
              { itemId: item.id, quantity },
              {
                onSuccess: () => {
                  toast.show(`“${item.title}” is in your cart.`, 'info', {
                    label: 'View cart',
                    to: '/cart',
                  });
                },
                onError: (error) => {
                  toast.show(`It was not added to your cart. ${formErrorMessage(error)}`);
                },
              },
            );
          }}
        >
          {add.isPending ? (
            <Spinner className="size-4 text-white" />
          ) : (
            <ShoppingBagIcon className="size-5" aria-hidden="true" />
          )}
          Add to cart
        </Button>
      </div>
    </div>
  );
}
