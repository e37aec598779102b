import { CheckCircleIcon, ExclamationTriangleIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import type { OrderDetail } from '../api/types';
import { isConfirmingPayment, useOrdersById } from '../orders/useOrders';
import { OrderStatusBadge } from '../shared/OrderStatusBadge';

function OrderCard({ order }: { order: OrderDetail }) {
  return (
    <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-semibold text-stone-900">From {order.seller.display_name}</h2>
        <OrderStatusBadge status={order.status} />
      </div>
      <ul className="mt-3 space-y-1 text-sm text-stone-800">
        {order.items.map((line) => (
          <li key={line.item_id}>
            {line.quantity > 1 && `${line.quantity} × `}
            {line.title}
          </li>
        ))}
      </ul>
      <dl className="mt-3 space-y-1 border-t border-stone-100 pt-3 text-sm">
        {[
          { label: 'Items', value: order.amounts.items },
          { label: 'Shipping', value: order.amounts.shipping },
          { label: 'Buyer protection', value: order.amounts.fee },
        ].map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-stone-600">{row.label}</dt>
            <dd className="tabular-nums">{formatMoney(row.value)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 font-bold text-stone-900">
          <dt>Total</dt>
          <dd className="tabular-nums">{formatMoney(order.amounts.total)}</dd>
        </div>
      </dl>
      <div className="mt-4 flex justify-end">
        <Link
          to={`/orders/${order.id}`}
          className="text-sm font-semibold text-brand-700 hover:underline"
        >
          View order from {order.seller.display_name}
        </Link>
      </div>
    </li>
  );
}

/** After checkout: the orders made, one per seller, and whether the payment went through. */
export function CheckoutConfirmation({ orderIds }: { orderIds: string[] }) {
  const queries = useOrdersById(orderIds);
  const orders = queries.flatMap((query) => (query.data ? [query.data] : []));
  const failed = queries.find((query) => query.error && !query.data);

  if (failed) return <FormAlert>{formErrorMessage(failed.error)}</FormAlert>;
  if (orders.length < orderIds.length || orderIds.length === 0) {
    return (
      <p role="status" className="flex items-center justify-center gap-3 py-16 text-stone-700">
        <Spinner />
        Loading your orders…
      </p>
    );
  }

  const confirming = orders.some(isConfirmingPayment);
  const unpaid = orders.filter(
    (order) => order.status === 'pending_payment' && !isConfirmingPayment(order),
  );
  let heading;
  if (confirming) {
    heading = (
      <div role="status">
        <h1 className="flex items-center gap-3 text-2xl font-bold tracking-tight text-stone-900">
          <Spinner />
          Confirming payment…
        </h1>
        <p className="mt-1 text-stone-600">
          The bank is taking a moment. This page updates by itself; you can also leave it.
        </p>
      </div>
    );
  } else if (unpaid.length > 0) {
    heading = (
      <div role="alert" className="flex items-start gap-3">
        <ExclamationTriangleIcon className="size-8 shrink-0 text-amber-600" aria-hidden="true" />
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-stone-900">
            Your payment did not go through
          </h1>
          <p className="mt-1 text-stone-600">
            {unpaid[0]?.payment?.failure?.message ?? 'Open the order to pay with another card.'}
          </p>
        </div>
      </div>
    );
  } else {
    heading = (
      <div role="status" className="flex items-start gap-3">
        <CheckCircleIcon className="size-8 shrink-0 text-brand-700" aria-hidden="true" />
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-stone-900">
            Thank you for your order
          </h1>
          <p className="mt-1 text-stone-600">
            {orders.length === 1
              ? 'Your seller has been told and will ship soon.'
              : `Your ${orders.length} sellers have been told; each ships their own parcel.`}
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      {heading}
      <ul aria-label="Your new orders" className="space-y-4">
        {orders.map((order) => (
          <OrderCard key={order.id} order={order} />
        ))}
      </ul>
      <ButtonLink to="/orders" variant="secondary">
        All your orders
      </ButtonLink>
    </div>
  );
}
