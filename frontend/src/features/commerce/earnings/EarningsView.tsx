import { BanknotesIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { Button, ButtonLink } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { formatMoney } from '../../../lib/money';
import { EmptyState } from '../../listings/components/EmptyState';
import type { Balance, LedgerLine } from '../api/types';
import { useEarnings } from './useEarnings';

/** The ledger's kinds of posting, as a seller would say them. */
const KIND_LABELS: Record<string, string> = {
  capture: 'Sale paid, held until the buyer confirms',
  completion: 'Order completed',
  refund: 'Refunded to the buyer',
};

function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind.replaceAll('_', ' ');
}

/** Which of the seller's two balances a line moved: held money, or money to pay out. */
const BUCKET_LABELS: Record<LedgerLine['bucket'], string> = {
  pending: 'Pending',
  available: 'Available',
};

function BalanceCard({ balance }: { balance: Balance }) {
  return (
    <li className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200">
      <p className="text-sm font-semibold text-stone-600">{balance.currency}</p>
      <dl className="mt-3 grid grid-cols-2 gap-4">
        <div>
          <dt className="text-sm text-stone-600">Available</dt>
          <dd className="text-2xl font-bold text-stone-900 tabular-nums">
            {formatMoney(balance.available)}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">Pending</dt>
          <dd className="text-2xl font-bold text-stone-500 tabular-nums">
            {formatMoney(balance.pending)}
          </dd>
        </div>
      </dl>
    </li>
  );
}

function LedgerRow({ line }: { line: LedgerLine }) {
  const credit = line.amount >= 0;
  const amount = { amount: line.amount, currency: line.currency };
  return (
    <tr>
      <td className="py-3 pr-4 whitespace-nowrap text-stone-600">
        <RelativeTime iso={line.created_at} />
      </td>
      <td className="py-3 pr-4 text-stone-900">
        {kindLabel(line.kind)}
        {line.order_id && (
          <>
            {' · '}
            <Link
              to={`/orders/${line.order_id}`}
              className="font-semibold text-brand-700 hover:underline"
            >
              Order
            </Link>
          </>
        )}
      </td>
      <td className="py-3 pr-4 text-stone-600">{BUCKET_LABELS[line.bucket]}</td>
      <td
        className={`py-3 text-right font-semibold whitespace-nowrap tabular-nums ${credit ? 'text-brand-800' : 'text-stone-900'}`}
      >
        {credit ? '+' : ''}
        {formatMoney(amount)}
      </td>
    </tr>
  );
}

/** What the seller has earned: held until buyers confirm, then available; and every move. */
export function EarningsView() {
  const pages = useEarnings();
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;
  if (pages.isPending) {
    return (
      <p role="status" className="flex items-center gap-3 py-10 text-stone-700">
        <Spinner />
        Loading your earnings…
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
  const balances = data.pages[0]?.balances ?? [];
  const lines = data.pages.flatMap((page) => page.entries.items);
  if (balances.length === 0 && lines.length === 0) {
    return (
      <EmptyState
        icon={BanknotesIcon}
        title="No earnings yet"
        action={
          <ButtonLink to="/sell" variant="secondary">
            Sell an item
          </ButtonLink>
        }
      >
        When a buyer pays, the money shows here as pending; it becomes available once they confirm
        all is well.
      </EmptyState>
    );
  }
  return (
    <div className="space-y-8">
      <section aria-labelledby="balances-heading">
        <h2 id="balances-heading" className="text-lg font-bold text-stone-900">
          Balances
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          Pending money is held until the buyer confirms the order; then it is available.
        </p>
        <ul aria-label="Balances by currency" className="mt-4 grid gap-4 sm:grid-cols-2">
          {balances.map((balance) => (
            <BalanceCard key={balance.currency} balance={balance} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading" className="text-lg font-bold text-stone-900">
          Activity
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm">
            <thead className="border-b border-stone-200 text-stone-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  When
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  What
                </th>
                <th scope="col" className="py-2 pr-4 font-semibold">
                  Balance
                </th>
                <th scope="col" className="py-2 text-right font-semibold">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {lines.map((line) => (
                <LedgerRow key={line.id} line={line} />
              ))}
            </tbody>
          </table>
        </div>
        <LoadMore
          hasMore={hasNextPage}
          loading={isFetchingNextPage}
          error={isFetchNextPageError ? error : null}
          onLoadMore={() => void pages.fetchNextPage()}
        />
      </section>
    </div>
  );
}
