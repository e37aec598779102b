import { useParams } from 'react-router';
import { PageLoading } from '../components/layout/PageLoading';
import { OrderView } from '../features/commerce/orders/OrderView';
import { useOrder } from '../features/commerce/orders/useOrders';
import { isNotFound } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

export function OrderPage() {
  const orderId = useParams().id ?? '';
  const { data: order, error } = useOrder(orderId);
  const notFound = isNotFound(error);
  // Parent effects run after the child's, so this must agree with NotFoundPage's title.
  useDocumentTitle(notFound ? 'Page not found' : 'Order');

  if (notFound) return <NotFoundPage />;
  if (error && !order) throw error;
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-12">
      {order ? <OrderView order={order} /> : <PageLoading label="Loading the order…" />}
    </div>
  );
}
