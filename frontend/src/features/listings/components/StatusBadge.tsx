import type { ItemStatus } from '../api/items';

const BADGES: Partial<Record<ItemStatus, { label: string; className: string }>> = {
  draft: { label: 'Draft', className: 'bg-white text-stone-800 ring-stone-300' },
  hidden: { label: 'Hidden', className: 'bg-stone-800 text-white ring-stone-800' },
  reserved: { label: 'Reserved', className: 'bg-amber-100 text-amber-950 ring-amber-300' },
  sold: { label: 'Sold', className: 'bg-brand-800 text-white ring-brand-800' },
};

/** Says when a listing is not simply for sale; an active listing needs no badge. */
export function StatusBadge({
  status,
  className = '',
}: {
  status: ItemStatus;
  className?: string;
}) {
  const badge = BADGES[status];
  if (!badge) return null;
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${badge.className} ${className}`}
    >
      {badge.label}
    </span>
  );
}
