import type { QueryClient } from '@tanstack/react-query';
import { countAfterToggle } from '../../../lib/toggle-count';
import { changeCachedItem } from '../../listings/api/item-cache';

/**
 * Whether the viewer likes a listing, in every grid and its detail. Without `likeCount`
 * (an optimistic change or its rollback) the count moves by one, and only if the flag did.
 */
export function applyLike(
  queryClient: QueryClient,
  itemId: string,
  liked: boolean,
  likeCount?: number,
): void {
  changeCachedItem(queryClient, itemId, {
    card: (card) => ({
      ...card,
      liked,
      like_count: likeCount ?? countAfterToggle(card.like_count, card.liked, liked),
    }),
    detail: (detail) => ({
      ...detail,
      viewer: { saved: detail.viewer?.saved ?? false, liked },
      counts: {
        ...detail.counts,
        likes:
          likeCount ?? countAfterToggle(detail.counts.likes, detail.viewer?.liked ?? false, liked),
      },
    }),
  });
}

/** Whether the viewer saved a listing, like `applyLike`; cards show no save count. */
export function applySave(
  queryClient: QueryClient,
  itemId: string,
  saved: boolean,
  saveCount?: number,
): void {
  changeCachedItem(queryClient, itemId, {
    card: (card) => ({ ...card, saved }),
    detail: (detail) => ({
      ...detail,
      viewer: { liked: detail.viewer?.liked ?? false, saved },
      counts: {
        ...detail.counts,
        saves:
          saveCount ?? countAfterToggle(detail.counts.saves, detail.viewer?.saved ?? false, saved),
      },
    }),
  });
}
