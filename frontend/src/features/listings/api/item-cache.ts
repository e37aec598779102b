import type { InfiniteData, Query, QueryClient } from '@tanstack/react-query';
import { type ItemCard, type ItemDetail, type ItemPage, itemQueryKey } from './items';

/**
 * Marks a query whose data is pages of item cards (a grid), so that a change to one
 * listing, such as a like, reaches every grid that shows it whatever its key.
 */
export const ITEM_CARD_PAGES_META = { itemCardPages: true } as const;

function holdsItemCardPages(query: Query): boolean {
  return query.meta?.itemCardPages === true;
}

interface ItemChange {
  card: (card: ItemCard) => ItemCard;
  detail: (detail: ItemDetail) => ItemDetail;
}

function changePages(
  data: InfiniteData<ItemPage>,
  itemId: string,
  change: (card: ItemCard) => ItemCard,
): InfiniteData<ItemPage> {
  // Pages without the listing keep their identity, so their grids do not re-render.
  const pages = data.pages.map((page) =>
    page.items.some((card) => card.id === itemId)
      ? { ...page, items: page.items.map((card) => (card.id === itemId ? change(card) : card)) }
      : page,
  );
  return pages.every((page, index) => page === data.pages[index]) ? data : { ...data, pages };
}

/** Changes one listing wherever the cache holds it: in every grid, and its detail. */
export function changeCachedItem(queryClient: QueryClient, itemId: string, change: ItemChange) {
  queryClient.setQueriesData<InfiniteData<ItemPage>>(
    { predicate: holdsItemCardPages },
    (data) => data && changePages(data, itemId, change.card),
  );
  queryClient.setQueryData<ItemDetail>(
    itemQueryKey(itemId),
    (detail) => detail && change.detail(detail),
  );
}
