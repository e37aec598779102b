import { PageLoading } from '../components/layout/PageLoading';
import { useSignedInMember } from '../features/auth/hooks/useMe';
import { SellForm } from '../features/listings/components/sell/SellForm';
import { useListingTaxonomy } from '../features/listings/hooks/useListingForm';
import { useDocumentTitle } from '../lib/use-document-title';

export function SellPage() {
  useDocumentTitle('Sell an item');
  const member = useSignedInMember();
  const taxonomy = useListingTaxonomy();

  if (taxonomy.error && !taxonomy.data) throw taxonomy.error;

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Sell an item</h1>
      <p className="mt-2 text-base leading-7 text-stone-600">
        Add photos, say what it is and set your price. Save a draft anytime, and publish when it is
        ready.
      </p>
      <div className="mt-8">
        {taxonomy.data ? (
          <SellForm member={member} taxonomy={taxonomy.data} />
        ) : (
          <PageLoading label="Loading the form…" />
        )}
      </div>
    </div>
  );
}
