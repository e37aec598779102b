import { ReceiptPercentIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import { ResponsiveImage } from '../../../components/ui/ResponsiveImage';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { EmptyState } from '../../listings/components/EmptyState';
import type { OrderRole } from '../api/orders';
import type { OrderSummary } from '../api/types';
import { OrderStatusBadge } from '../shared/OrderStatusBadge';
import { useOrderPages } from './useOrders';

function itemsLabel(order: OrderSummary): string {
  const [first, ...rest] = order.items;
  if (!first) return 'Order';
  return rest.length === 0 ? first.title : `${first.title} and ${rest.length} more`;
}

function OrderRow({ order }: { order: OrderSummary }) {
  const who = order.role === 'buyer' ? 'From' : 'To';
  return (
    <li className="relative flex gap-4 py-4 has-[a:hover]:bg-stone-50 sm:px-2">
      <ResponsiveImage
        image={order.items[0]?.cover}
        alt=""
        sizes="64px"
        className="aspect-square w-16 shrink-0 rounded-lg ring-1 ring-stone-200"
      />
      <div className="min-w-0 flex-1">
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 truncate text-sm font-semibold text-stone-900">
            <Link to={`/orders/${order.id}`} className="after:absolute after:inset-0">
              {itemsLabel(order)}
            </Link>
          </h3>
          <p className="shrink-0 text-sm font-bold text-stone-900 tabular-nums">
            {formatMoney(order.total)}
          </p>
        </div>
        <p className="mt-0.5 truncate text-sm text-stone-600">
          {who} {order.counterpart.display_name} · <RelativeTime iso={order.created_at} />
        </p>
        <div className="mt-1.5">
          <OrderStatusBadge status={order.status} />
        </div>
      </div>
    </li>
  );
}

const COPY: Record<OrderRole, { label: string; emptyTitle: string; emptyText: string }> = {
  buyer: {
    label: 'Orders you placed',
    emptyTitle: 'No orders yet',
    emptyText: 'What you buy shows here, from checkout until it is in your hands.',
  },
  seller: {
    label: 'Orders you received',
    emptyTitle: 'Nothing sold yet',
    emptyText: 'When someone buys one of your listings, the order to ship shows here.',
  },
};

/** The member's orders as buyer or as seller, newest first, a page at a time. */
export function OrderList({ role }: { role: OrderRole }) {
  const pages = useOrderPages(role);
  const copy = COPY[role];
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;

  if (pages.isPending) {
    return (
      <p role="status" className="flex items-center gap-3 py-10 text-stone-700">
        <Spinner />
        Loading orders…
      </p>
    );
  }
  if (!data) {
    return (
      <FormAlert>
        {formErrorMessage(error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  const orders = data.pages.flatMap((page) => page.items);
  if (orders.length === 0) {
    return (
      <EmptyState
        icon={ReceiptPercentIcon}
        title={copy.emptyTitle}
        action={
          <ButtonLink to={role === 'buyer' ? '/explore' : '/sell'} variant="secondary">
            {role === 'buyer' ? 'Explore listings' : 'Sell an item'}
          </ButtonLink>
        }
      >
        {copy.emptyText}
      </EmptyState>
    );
  }
  return (
    <>
      <ul aria-label={copy.label} className="divide-y divide-stone-100">
        {orders.map((order) => (
          <OrderRow key={order.id} order={order} />
        ))}
      </ul>
      <LoadMore
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}
