import { CartView } from '../features/commerce/cart/CartView';
import { useDocumentTitle } from '../lib/use-document-title';

export function CartPage() {
  useDocumentTitle('Your cart');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your cart</h1>
      <p className="mt-1 text-base text-stone-600">
        Grouped by seller: each seller ships their own parcel.
      </p>
      <div className="mt-6 sm:mt-8">
        <CartView />
      </div>
    </div>
  );
}
