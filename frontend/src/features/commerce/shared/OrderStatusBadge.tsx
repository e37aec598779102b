import type { OrderStatus } from '../api/types';

const BADGES: Record<OrderStatus, { label: string; className: string }> = {
  pending_payment: {
    label: 'Awaiting payment',
    className: 'bg-amber-100 text-amber-950 ring-amber-300',
  },
  paid: { label: 'Paid', className: 'bg-sky-100 text-sky-950 ring-sky-300' },
  shipped: { label: 'Shipped', className: 'bg-indigo-100 text-indigo-950 ring-indigo-300' },
  delivered: { label: 'Delivered', className: 'bg-brand-100 text-brand-900 ring-brand-300' },
  completed: { label: 'Completed', className: 'bg-brand-800 text-white ring-brand-800' },
  cancelled: { label: 'Cancelled', className: 'bg-stone-100 text-stone-800 ring-stone-300' },
  expired: { label: 'Expired', className: 'bg-stone-100 text-stone-800 ring-stone-300' },
  refunded: { label: 'Refunded', className: 'bg-stone-100 text-stone-800 ring-stone-300' },
  disputed: { label: 'Disputed', className: 'bg-red-100 text-red-900 ring-red-300' },
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const badge = BADGES[status];
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1 ring-inset ${badge.className}`}
    >
      {badge.label}
    </span>
  );
}
