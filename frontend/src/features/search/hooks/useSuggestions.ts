import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '../../../lib/use-debounced-value';
import { fetchSuggestions, suggestionsQueryKey } from '../api/search';
import { fetchRecentSearches, recentSearchesQueryKey } from '../api/saved-searches';

// Short enough to feel instant, long enough not to ask for every keystroke.
const SUGGEST_DELAY_MS = 150;
// Popular searches and brand names change slowly; typing back and forth reuses them.
const SUGGESTIONS_STALE_MS = 60_000;

/** As-you-type suggestions for what is typed, once typing pauses. */
export function useSuggestions(text: string) {
  const settled = useDebouncedValue(text.trim(), SUGGEST_DELAY_MS);
  return useQuery({
    queryKey: suggestionsQueryKey(settled),
    queryFn: ({ signal }) => fetchSuggestions(settled, signal),
    enabled: settled.length > 0,
    placeholderData: keepPreviousData,
    staleTime: SUGGESTIONS_STALE_MS,
  });
}

/**
 * The member's last searches, read when the box is opened: every search adds one, so
 * they are always asked for again rather than kept.
 */
export function useRecentSearches(enabled: boolean) {
  return useQuery({
    queryKey: recentSearchesQueryKey,
    queryFn: ({ signal }) => fetchRecentSearches(signal),
    enabled,
    staleTime: 0,
  });
}
