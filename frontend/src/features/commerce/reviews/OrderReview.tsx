import type { OrderDetail } from '../api/types';
import { ReplyForm } from './ReplyForm';
import { ReviewCard } from './ReviewCard';
import { ReviewForm } from './ReviewForm';

/** The review part of an order: the form, or the review and the seller's reply to it. */
export function OrderReview({ order }: { order: OrderDetail }) {
  const { review } = order;
  if (order.actions.includes('review') && !review) {
    return (
      <div className="rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:p-6">
        <ReviewForm order={order} />
      </div>
    );
  }
  if (!review) return null;
  return (
    <section
      aria-labelledby="order-review-heading"
      className="space-y-4 rounded-2xl bg-white p-5 ring-1 ring-stone-200 sm:p-6"
    >
      <h2 id="order-review-heading" className="text-lg font-bold text-stone-900">
        Review
      </h2>
      <ReviewCard review={review} sellerName={order.seller.display_name} />
      {order.actions.includes('reply') && !review.reply && (
        <ReplyForm order={order} review={review} />
      )}
    </section>
  );
}
