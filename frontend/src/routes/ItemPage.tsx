import { useParams } from 'react-router';
import { PageLoading } from '../components/layout/PageLoading';
import { useMe } from '../features/auth/hooks/useMe';
import { CommentsSection } from '../features/comments/components/CommentsSection';
import { ItemDetailView } from '../features/listings/components/detail/ItemDetailView';
import { useItem } from '../features/listings/hooks/useItem';
import { isNotFound } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

export function ItemPage() {
  const itemId = useParams().id ?? '';
  const { data: item, error } = useItem(itemId);
  const { data: me } = useMe();
  const notFound = isNotFound(error);
  // Parent effects run after the child's, so this must agree with NotFoundPage's title.
  useDocumentTitle(notFound ? 'Page not found' : (item?.title ?? 'Listing'));

  if (notFound) return <NotFoundPage />;
  if (error && !item) throw error;

  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 sm:py-10">
      {item ? (
        <>
          <ItemDetailView item={item} isOwn={me?.id === item.seller.id} />
          <div className="mt-12 border-t border-stone-200 pt-10">
            <CommentsSection item={item} />
          </div>
        </>
      ) : (
        <PageLoading label="Loading the listing…" />
      )}
    </div>
  );
}
