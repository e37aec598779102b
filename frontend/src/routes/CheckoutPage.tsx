import { CheckoutView } from '../features/commerce/checkout/CheckoutView';
import { useDocumentTitle } from '../lib/use-document-title';

export function CheckoutPage() {
  useDocumentTitle('Checkout');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Checkout</h1>
      <div className="mt-6 sm:mt-8">
        <CheckoutView />
      </div>
    </div>
  );
}
