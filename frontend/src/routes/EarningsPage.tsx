import { EarningsView } from '../features/commerce/earnings/EarningsView';
import { useDocumentTitle } from '../lib/use-document-title';

export function EarningsPage() {
  useDocumentTitle('Earnings');
  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Earnings</h1>
      <p className="mt-1 text-base text-stone-600">What your sales brought in, by currency.</p>
      <div className="mt-6 sm:mt-8">
        <EarningsView />
      </div>
    </div>
  );
}
