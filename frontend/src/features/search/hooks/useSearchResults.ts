import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { ITEM_CARD_PAGES_META } from '../../listings/api/item-cache';
import { fetchSearchPage, type SearchSort, searchResultsQueryKey } from '../api/search';
import type { SearchFilters } from '../search-state';

/**
 * The results, page by page. While a changed search loads, the previous results and
 * facets stay on screen (dimmed by the page) instead of a skeleton at every click.
 */
export function useSearchResults(filters: SearchFilters, sort: SearchSort) {
  return useInfiniteQuery({
    queryKey: searchResultsQueryKey(filters, sort),
    queryFn: ({ pageParam, signal }) => fetchSearchPage(filters, sort, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    placeholderData: keepPreviousData,
    meta: ITEM_CARD_PAGES_META,
  });
}
