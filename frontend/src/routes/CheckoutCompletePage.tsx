import { useSearchParams } from 'react-router';
import { CheckoutConfirmation } from '../features/commerce/checkout/CheckoutConfirmation';
import { confirmedOrderIds } from '../features/commerce/checkout/confirmation-path';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

export function CheckoutCompletePage() {
  const [searchParams] = useSearchParams();
  const orderIds = confirmedOrderIds(searchParams);
  useDocumentTitle(orderIds.length === 0 ? 'Page not found' : 'Order placed');
  if (orderIds.length === 0) return <NotFoundPage />;
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <CheckoutConfirmation orderIds={orderIds} />
    </div>
  );
}
