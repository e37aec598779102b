import { Link } from 'react-router';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { Spinner } from '../../../components/ui/Spinner';
import { formatDateTime } from '../../../lib/format';
import type { OrderDetail } from '../api/types';
import { OrderReview } from '../reviews/OrderReview';
import { OrderStatusBadge } from '../shared/OrderStatusBadge';
import { OrderActions } from './OrderActions';
import { OrderAmounts, OrderDelivery, OrderItems, OrderTimeline } from './OrderParts';
import { isConfirmingPayment } from './useOrders';

/** One order as its buyer or its seller sees it, with what they can do about it now. */
export function OrderView({ order }: { order: OrderDetail }) {
  const buying = order.role === 'buyer';
  const other = buying ? order.seller : order.buyer;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex min-w-0 items-center gap-3">
          <MemberAvatar
            name={other.display_name}
            avatar={other.avatar}
            className="size-12 text-lg"
          />
          <div className="min-w-0">
            <h1 className="text-2xl font-bold tracking-tight break-words text-stone-900">
              {buying ? 'Order from ' : 'Order to '}
              <Link to={`/members/${other.username}`} className="hover:underline">
                {other.display_name}
              </Link>
            </h1>
            <p className="text-sm text-stone-600">Placed {formatDateTime(order.created_at)}</p>
          </div>
        </div>
        <OrderStatusBadge status={order.status} />
      </header>

      {isConfirmingPayment(order) && (
        <p
          role="status"
          className="flex items-center gap-3 rounded-xl bg-sky-50 px-4 py-3 text-sm text-sky-950 ring-1 ring-sky-200"
        >
          <Spinner className="size-4" />
          Confirming payment…
        </p>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)] lg:items-start">
        <div className="space-y-6">
          <OrderActions order={order} />
          <OrderReview order={order} />
          <div className="space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6">
            <OrderItems order={order} />
            <OrderAmounts order={order} />
          </div>
        </div>
        <div className="space-y-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6">
          <OrderDelivery order={order} />
          <OrderTimeline events={order.timeline} />
        </div>
      </div>
    </div>
  );
}
