import { TrashIcon } from '@heroicons/react/20/solid';
import { useId } from 'react';
import { Link } from 'react-router';
import { ResponsiveImage } from '../../../components/ui/ResponsiveImage';
import { controlClasses } from '../../../components/ui/field-styles';
import { formatMoney } from '../../../lib/money';
import type { CartLine } from '../api/types';
import { CartProblemNote } from './CartProblemNote';

const MAX_PICK = 20;

interface CartLineRowProps {
  line: CartLine;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
  pending: boolean;
}

/** One listing in the cart: what, how many, at what price, and what stands in the way. */
export function CartLineRow({ line, onQuantity, onRemove, pending }: CartLineRowProps) {
  const { item, problem } = line;
  const quantityId = useId();
  // The current quantity stays a choice even when fewer are left, so the select shows it.
  const choices = Math.min(Math.max(item.available, line.quantity, 1), MAX_PICK);
  const buyable = item.status !== 'sold' && problem?.code !== 'sold';
  return (
    <li className="flex gap-4 py-4">
      <ResponsiveImage
        image={item.cover}
        alt=""
        sizes="80px"
        className="aspect-[4/5] w-20 shrink-0 rounded-lg ring-1 ring-stone-200"
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 text-sm font-semibold break-words text-stone-900">
            <Link to={`/items/${item.id}`} className="hover:underline">
              {item.title}
            </Link>
          </h3>
          <p className="shrink-0 font-bold text-stone-900 tabular-nums">
            {formatMoney(line.line_total)}
          </p>
        </div>
        <p className="mt-0.5 text-sm text-stone-600 tabular-nums">
          {formatMoney(line.unit_price)} each
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          {buyable && choices > 1 && (
            <div className="flex items-center gap-2">
              <label htmlFor={quantityId} className="text-sm text-stone-700">
                Quantity
              </label>
              <select
                id={quantityId}
                value={line.quantity}
                disabled={pending}
                onChange={(event) => {
                  onQuantity(Number(event.target.value));
                }}
                className={`${controlClasses} h-9 w-20`}
              >
                {Array.from({ length: choices }, (_, index) => (
                  <option key={index + 1} value={index + 1}>
                    {index + 1}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button
            type="button"
            onClick={onRemove}
            disabled={pending}
            aria-label={`Remove ${item.title}`}
            className="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-sm font-semibold text-stone-600 hover:bg-stone-100 hover:text-stone-900 disabled:opacity-60"
          >
            <TrashIcon className="size-4" aria-hidden="true" />
            Remove
          </button>
        </div>
        {problem && (
          <CartProblemNote line={line} problem={problem} onAccept={onQuantity} pending={pending} />
        )}
      </div>
    </li>
  );
}
