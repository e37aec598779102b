import { Link } from 'react-router';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import { ResponsiveImage } from '../../../components/ui/ResponsiveImage';
import { formatMoney } from '../../../lib/money';
import { countryName } from '../../profile/countries';
import type { OrderDetail, OrderEvent, OrderStatus, ShippingAddress } from '../api/types';

const sectionHeading = 'text-sm font-semibold text-stone-900';

export function OrderItems({ order }: { order: OrderDetail }) {
  return (
    <section aria-labelledby="order-items-heading">
      <h2 id="order-items-heading" className={sectionHeading}>
        Items
      </h2>
      <ul className="mt-2 divide-y divide-stone-100">
        {order.items.map((line) => (
          <li key={line.item_id} className="flex gap-3 py-3">
            <ResponsiveImage
              image={line.cover}
              alt=""
              sizes="56px"
              className="aspect-square w-14 shrink-0 rounded-lg ring-1 ring-stone-200"
            />
            <div className="min-w-0 flex-1 text-sm">
              <Link
                to={`/items/${line.item_id}`}
                className="font-semibold break-words text-stone-900 hover:underline"
              >
                {line.title}
              </Link>
              <p className="text-stone-600 tabular-nums">
                {line.quantity} × {formatMoney(line.unit_price)}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function OrderAmounts({ order }: { order: OrderDetail }) {
  const { amounts } = order;
  const rows = [
    { label: 'Items', value: amounts.items },
    { label: 'Shipping', value: amounts.shipping },
    { label: 'Buyer protection', value: amounts.fee },
  ];
  return (
    <section aria-labelledby="order-amounts-heading">
      <h2 id="order-amounts-heading" className={sectionHeading}>
        Amounts
      </h2>
      <dl className="mt-2 space-y-1 text-sm">
        {rows.map((row) => (
          <div key={row.label} className="flex justify-between gap-4">
            <dt className="text-stone-600">{row.label}</dt>
            <dd className="tabular-nums">{formatMoney(row.value)}</dd>
          </div>
        ))}
        <div className="flex justify-between gap-4 border-t border-stone-200 pt-2 text-base font-bold text-stone-900">
          <dt>Total</dt>
          <dd className="tabular-nums">{formatMoney(amounts.total)}</dd>
        </div>
      </dl>
      {order.payment?.failure && order.status === 'pending_payment' && (
        <p className="mt-2 text-sm font-medium text-red-800">
          Last payment declined: {order.payment.failure.message}
        </p>
      )}
    </section>
  );
}

function AddressLines({ address }: { address: ShippingAddress }) {
  return (
    <address className="mt-2 text-sm leading-6 text-stone-800 not-italic">
      {address.name}
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.postal_code} {address.city}
      <br />
      {countryName(address.country_code)}
    </address>
  );
}

/** The address, and the parcel's carrier and tracking once shipped. */
export function OrderDelivery({ order }: { order: OrderDetail }) {
  const sellerWaits = order.role === 'seller' && !order.shipping_address;
  return (
    <section aria-labelledby="order-delivery-heading">
      <h2 id="order-delivery-heading" className={sectionHeading}>
        Delivery
      </h2>
      {order.shipping_address ? (
        <AddressLines address={order.shipping_address} />
      ) : (
        <p className="mt-2 text-sm text-stone-600">
          {sellerWaits
            ? 'The address shows here once the buyer has paid.'
            : 'No address on this order.'}
        </p>
      )}
      {order.carrier && (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-stone-600">Carrier</dt>
          <dd className="text-stone-900">{order.carrier}</dd>
          <dt className="text-stone-600">Tracking</dt>
          <dd className="font-mono break-all text-stone-900">{order.tracking_number}</dd>
        </dl>
      )}
    </section>
  );
}

const EVENT_LABELS: Record<OrderStatus, string> = {
  pending_payment: 'Order placed',
  paid: 'Paid',
  shipped: 'Shipped',
  delivered: 'Delivery confirmed',
  completed: 'Completed',
  cancelled: 'Cancelled',
  expired: 'Expired: not paid in time',
  refunded: 'Refunded',
  disputed: 'Problem reported',
};

const ACTORS: Record<OrderEvent['actor'], string> = {
  buyer: 'by the buyer',
  seller: 'by the seller',
  system: 'by Reloop',
  moderator: 'by a moderator',
};

function eventLabel(event: OrderEvent): string {
  return event.type in EVENT_LABELS ? EVENT_LABELS[event.type as OrderStatus] : 'Note';
}

/** What the event's details say in words: a reason, a note, a carrier. */
function eventNote(event: OrderEvent): string | null {
  const { reason, message, carrier, tracking_number: tracking } = event.details;
  if (typeof reason === 'string' && reason) return reason;
  if (typeof message === 'string' && message) return message;
  if (typeof carrier === 'string' && carrier) {
    return typeof tracking === 'string' ? `${carrier}, ${tracking}` : carrier;
  }
  return null;
}

export function OrderTimeline({ events }: { events: OrderEvent[] }) {
  return (
    <section aria-labelledby="order-timeline-heading">
      <h2 id="order-timeline-heading" className={sectionHeading}>
        Timeline
      </h2>
      <ol className="mt-3 space-y-4 border-l-2 border-stone-200 pl-4">
        {events.map((event, index) => {
          const note = eventNote(event);
          return (
            <li key={`${event.created_at}-${index}`} className="relative text-sm">
              <span
                aria-hidden="true"
                className="absolute top-1.5 -left-[1.3rem] size-2.5 rounded-full bg-brand-600 ring-2 ring-white"
              />
              <p className="font-semibold text-stone-900">
                {eventLabel(event)}{' '}
                <span className="font-normal text-stone-600">{ACTORS[event.actor]}</span>
              </p>
              <RelativeTime iso={event.created_at} className="text-stone-600" />
              {note && <p className="mt-0.5 break-words text-stone-800">{note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
