import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { Review, ReviewPage } from './types';

export const REVIEWS_PER_PAGE = 10;

export function sellerReviewsQueryKey(username: string) {
  return ['users', username, 'reviews'] as const;
}

export async function fetchSellerReviews(
  username: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<ReviewPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/users/{username}/reviews', {
      params: { path: { username }, query: { cursor, limit: REVIEWS_PER_PAGE } },
      signal,
    }),
  );
}

export async function postReview(orderId: string, rating: number, text: string): Promise<Review> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/orders/{order_id}/review', {
      params: { path: { order_id: orderId } },
      body: { rating, text },
    }),
  );
}

export async function postReply(reviewId: string, text: string): Promise<Review> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/reviews/{review_id}/reply', {
      params: { path: { review_id: reviewId } },
      body: { text },
    }),
  );
}
