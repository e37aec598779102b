import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { orderQueryKey } from '../api/orders';
import { fetchSellerReviews, postReply, postReview, sellerReviewsQueryKey } from '../api/reviews';
import type { OrderDetail, Review } from '../api/types';

export function useSellerReviews(username: string) {
  return useInfiniteQuery({
    queryKey: sellerReviewsQueryKey(username),
    queryFn: ({ pageParam, signal }) => fetchSellerReviews(username, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/**
 * A review, or its reply, lands on the order at once; the order's actions and the
 * seller's profile (rating, list) are fetched again since they changed with it.
 */
function useReviewWrite<TArgs>(order: OrderDetail, run: (args: TArgs) => Promise<Review>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (review) => {
      queryClient.setQueryData<OrderDetail>(
        orderQueryKey(order.id),
        (cached) => cached && { ...cached, review },
      );
      void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) });
      void queryClient.invalidateQueries({ queryKey: ['users', order.seller.username] });
    },
  });
}

export function usePostReview(order: OrderDetail) {
  return useReviewWrite(order, ({ rating, text }: { rating: number; text: string }) =>
    postReview(order.id, rating, text),
  );
}

export function usePostReply(order: OrderDetail, reviewId: string) {
  return useReviewWrite(order, (text: string) => postReply(reviewId, text));
}
