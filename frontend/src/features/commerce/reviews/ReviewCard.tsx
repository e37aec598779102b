import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import type { Review } from '../api/types';
import { Stars } from './Stars';

interface ReviewCardProps {
  review: Review;
  /** Whose reply it is, for the "Reply from" line. */
  sellerName: string;
}

/** A buyer's review and, once given, the seller's reply under it. */
export function ReviewCard({ review, sellerName }: ReviewCardProps) {
  const buyerName = review.buyer?.display_name ?? 'A former member';
  return (
    <article className="space-y-2">
      <header className="flex items-center gap-3">
        <MemberAvatar name={buyerName} avatar={review.buyer?.avatar} className="size-9 text-sm" />
        <div className="min-w-0">
          <p className="truncate text-sm font-semibold text-stone-900">{buyerName}</p>
          <p className="flex items-center gap-2 text-xs text-stone-600">
            <Stars rating={review.rating} />
            <RelativeTime iso={review.created_at} />
          </p>
        </div>
      </header>
      {review.text && (
        <p className="text-sm leading-6 break-words whitespace-pre-line text-stone-800">
          {review.text}
        </p>
      )}
      {review.reply && (
        <div className="ml-4 rounded-xl bg-stone-50 px-4 py-3 text-sm ring-1 ring-stone-200">
          <p className="font-semibold text-stone-900">Reply from {sellerName}</p>
          <p className="mt-1 leading-6 break-words whitespace-pre-line text-stone-800">
            {review.reply}
          </p>
        </div>
      )}
    </article>
  );
}
