import { OrdersTabs } from '../features/commerce/orders/OrdersTabs';
import { useDocumentTitle } from '../lib/use-document-title';

export function OrdersPage() {
  useDocumentTitle('My orders');
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">My orders</h1>
      <p className="mt-1 text-base text-stone-600">What you bought and what you sold.</p>
      <div className="mt-6 sm:mt-8">
        <OrdersTabs />
      </div>
    </div>
  );
}
