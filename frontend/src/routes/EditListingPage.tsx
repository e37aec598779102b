import { ArrowLeftIcon } from '@heroicons/react/20/solid';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageLoading } from '../components/layout/PageLoading';
import { useSignedInMember } from '../features/auth/hooks/useMe';
import { fetchItem, itemQueryKey } from '../features/listings/api/items';
import { EditListing } from '../features/listings/components/edit/EditListing';
import { useListingTaxonomy } from '../features/listings/hooks/useListingForm';
import { isNotFound } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

export function EditListingPage() {
  const itemId = useParams().id ?? '';
  const member = useSignedInMember();
  // Always read afresh: an edit made against a cached, older version would only earn a 412.
  const item = useQuery({
    queryKey: itemQueryKey(itemId),
    queryFn: () => fetchItem(itemId),
    staleTime: 0,
  });
  const taxonomy = useListingTaxonomy();
  // Someone else's listing cannot be edited; the API would refuse it as not found too.
  const notFound = isNotFound(item.error) || (item.data && item.data.seller.id !== member.id);
  useDocumentTitle(
    notFound ? 'Page not found' : item.data ? `Edit “${item.data.title}”` : 'Edit listing',
  );

  if (notFound) return <NotFoundPage />;
  const error = item.error ?? taxonomy.error;
  if (error && !(item.data && taxonomy.data)) throw error;

  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <Link
        to={`/items/${itemId}`}
        className="inline-flex items-center gap-1.5 rounded text-sm font-semibold text-brand-700 hover:text-brand-900"
      >
        <ArrowLeftIcon className="size-4" aria-hidden="true" />
        Back to the listing
      </Link>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900">Edit listing</h1>
      <div className="mt-8">
        {item.data && item.isFetchedAfterMount && taxonomy.data ? (
          <EditListing item={item.data} taxonomy={taxonomy.data} />
        ) : (
          <PageLoading label="Loading the listing…" />
        )}
      </div>
    </div>
  );
}
