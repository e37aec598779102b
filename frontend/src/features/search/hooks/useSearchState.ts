import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { SearchSort } from '../api/search';
import { readSearchParams, type SearchFilters, searchHref } from '../search-state';

/**
 * The search in the URL, and `show` to change it. Each change is a new history entry, so
 * Back undoes the last filter and a shared link opens the same search.
 */
export function useSearchState() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryString = params.toString();
  const { filters, sort } = useMemo(
    () => readSearchParams(new URLSearchParams(queryString)),
    [queryString],
  );
  const show = useCallback(
    (nextFilters: SearchFilters, nextSort: SearchSort = sort) => {
      // Not in a transition: a ticked box (controlled by the URL) must stay ticked from
      // the click on, rather than flick back until the navigation commits.
      void navigate(searchHref(nextFilters, nextSort), { flushSync: true });
    },
    [navigate, sort],
  );
  return { filters, sort, show };
}
