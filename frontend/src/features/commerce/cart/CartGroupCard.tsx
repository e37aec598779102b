import { Link } from 'react-router';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { formatMoney } from '../../../lib/money';
import type { CartGroup } from '../api/types';
import { CartLineRow } from './CartLineRow';

interface CartGroupCardProps {
  group: CartGroup;
  onQuantity: (itemId: string, quantity: number) => void;
  onRemove: (itemId: string) => void;
  /** The listing whose change is being sent, if any. */
  pendingItemId: string | null;
}

/** One seller's listings: each seller ships, and is paid, on their own order. */
export function CartGroupCard({ group, onQuantity, onRemove, pendingItemId }: CartGroupCardProps) {
  const { seller } = group;
  return (
    <section
      aria-label={`From ${seller.display_name}`}
      className="rounded-2xl bg-white px-4 shadow-sm ring-1 ring-stone-200 sm:px-6"
    >
      <header className="flex items-center gap-3 border-b border-stone-100 py-4">
        <MemberAvatar
          name={seller.display_name}
          avatar={seller.avatar}
          className="size-9 text-sm"
        />
        <h2 className="min-w-0 text-base font-semibold text-stone-900">
          <Link to={`/members/${seller.username}`} className="hover:underline">
            {seller.display_name}
          </Link>
        </h2>
      </header>
      <ul aria-label={`Items from ${seller.display_name}`} className="divide-y divide-stone-100">
        {group.lines.map((line) => (
          <CartLineRow
            key={line.item.id}
            line={line}
            pending={pendingItemId === line.item.id}
            onQuantity={(quantity) => {
              onQuantity(line.item.id, quantity);
            }}
            onRemove={() => {
              onRemove(line.item.id);
            }}
          />
        ))}
      </ul>
      <dl className="space-y-1 border-t border-stone-100 py-4 text-sm">
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Items</dt>
          <dd className="tabular-nums">{formatMoney(group.items_total)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Shipping</dt>
          <dd className="tabular-nums">{formatMoney(group.shipping)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt className="text-stone-600">Buyer protection</dt>
          <dd className="tabular-nums">{formatMoney(group.fee)}</dd>
        </div>
        <div className="flex justify-between gap-4 font-semibold text-stone-900">
          <dt>Subtotal from {seller.display_name}</dt>
          <dd className="tabular-nums">{formatMoney(group.total)}</dd>
        </div>
      </dl>
    </section>
  );
}
