import { ChatBubbleLeftRightIcon } from '@heroicons/react/24/outline';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { EmptyState } from '../../listings/components/EmptyState';
import { ReviewCard } from './ReviewCard';
import { useSellerReviews } from './useReviews';

interface SellerReviewsProps {
  username: string;
  displayName: string;
}

/** What buyers said about a seller, on their profile, newest first. */
export function SellerReviews({ username, displayName }: SellerReviewsProps) {
  const pages = useSellerReviews(username);
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;
  let body;
  if (pages.isPending) {
    body = (
      <p role="status" className="flex items-center gap-3 py-6 text-sm text-stone-700">
        <Spinner />
        Loading reviews…
      </p>
    );
  } else if (!data) {
    body = <FormAlert>{formErrorMessage(error)}</FormAlert>;
  } else {
    const reviews = data.pages.flatMap((page) => page.items);
    body =
      reviews.length === 0 ? (
        <EmptyState icon={ChatBubbleLeftRightIcon} title="Waiting for a first review">
          Buyers review {displayName} once an order is complete.
        </EmptyState>
      ) : (
        <>
          <ul aria-label={`Reviews of ${displayName}`} className="divide-y divide-stone-100">
            {reviews.map((review) => (
              <li key={review.id} className="py-5">
                <ReviewCard review={review} sellerName={displayName} />
              </li>
            ))}
          </ul>
          <LoadMore
            hasMore={hasNextPage}
            loading={isFetchingNextPage}
            error={isFetchNextPageError ? error : null}
            onLoadMore={() => void pages.fetchNextPage()}
          />
        </>
      );
  }
  return (
    <section aria-labelledby="reviews-heading" className="mt-10">
      <h2 id="reviews-heading" className="text-xl font-bold tracking-tight text-stone-900">
        Reviews
      </h2>
      <div className="mt-4">{body}</div>
    </section>
  );
}
