import { formatMoney } from '../../../lib/money';
import type { Cart } from '../api/types';

function Row({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={`flex justify-between gap-4 ${strong ? 'font-semibold text-stone-900' : ''}`}>
      <dt className={strong ? '' : 'text-stone-600'}>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

/** What the buyer is about to pay, one order per seller, priced by the server. */
export function CheckoutSummary({ cart }: { cart: Cart }) {
  return (
    <section aria-labelledby="summary-heading" className="space-y-4">
      <h2 id="summary-heading" className="text-lg font-bold text-stone-900">
        Order summary
      </h2>
      <p className="text-sm text-stone-600">
        {cart.groups.length === 1
          ? 'One order, shipped by its seller.'
          : `${cart.groups.length} orders, one per seller: each ships separately.`}
      </p>
      {cart.groups.map((group) => (
        <article
          key={group.seller.id}
          aria-label={`Order from ${group.seller.display_name}`}
          className="rounded-xl bg-stone-50 p-4 text-sm ring-1 ring-stone-200"
        >
          <h3 className="font-semibold text-stone-900">From {group.seller.display_name}</h3>
          <ul className="mt-2 space-y-1">
            {group.lines.map((line) => (
              <li key={line.item.id} className="flex justify-between gap-4">
                <span className="min-w-0 break-words text-stone-800">
                  {line.quantity > 1 && `${line.quantity} × `}
                  {line.item.title}
                </span>
                <span className="shrink-0 tabular-nums">{formatMoney(line.line_total)}</span>
              </li>
            ))}
          </ul>
          <dl className="mt-3 space-y-1 border-t border-stone-200 pt-3">
            <Row label="Shipping" value={formatMoney(group.shipping)} />
            <Row label="Buyer protection" value={formatMoney(group.fee)} />
            <Row label="Subtotal" value={formatMoney(group.total)} strong />
          </dl>
        </article>
      ))}
      {cart.total && (
        <dl className="text-base">
          <Row label="Total" value={formatMoney(cart.total)} strong />
        </dl>
      )}
      <p className="text-sm leading-6 text-stone-600">
        Buyer protection covers you if an item does not arrive or is not as described: your money
        reaches the seller only once you confirm delivery.
      </p>
    </section>
  );
}
