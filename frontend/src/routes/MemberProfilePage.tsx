import { useParams } from 'react-router';
import { Spinner } from '../components/ui/Spinner';
import { useMe } from '../features/auth/hooks/useMe';
import { SellerReviews } from '../features/commerce/reviews/SellerReviews';
import { SellerListings } from '../features/listings/components/grid/SellerListings';
import { PublicProfileView } from '../features/profile/components/PublicProfileView';
import { usePublicProfile } from '../features/profile/hooks/usePublicProfile';
import { ProfileActions } from '../features/social/components/ProfileActions';
import { ApiError } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

export function MemberProfilePage() {
  const username = useParams().username ?? '';
  const profile = usePublicProfile(username);
  const { data: me } = useMe();
  const { data, error } = profile;
  const notFound = error instanceof ApiError && error.status === 404;
  // Parent effects run after the child's, so this must agree with NotFoundPage's title.
  useDocumentTitle(
    notFound ? 'Page not found' : data ? `${data.display_name} (@${data.username})` : 'Member',
  );

  if (notFound) return <NotFoundPage />;
  if (error && !data) throw error;

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 sm:px-6 sm:py-12">
      {data ? (
        <>
          <PublicProfileView
            profile={data}
            isOwn={me?.id === data.id}
            actions={<ProfileActions profile={data} />}
          />
          <SellerListings username={data.username} isOwn={me?.id === data.id} />
          <SellerReviews username={data.username} displayName={data.display_name} />
        </>
      ) : (
        <p role="status" className="flex items-center justify-center gap-3 py-16 text-stone-700">
          <Spinner />
          Loading the profile…
        </p>
      )}
    </div>
  );
}
