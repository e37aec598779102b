import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SavedSearch } from '../api/search';
import {
  clearRecentSearches,
  createSavedSearch,
  deleteSavedSearch,
  fetchSavedSearches,
  recentSearchesQueryKey,
  savedSearchesQueryKey,
} from '../api/saved-searches';

export function useSavedSearches() {
  return useQuery({ queryKey: savedSearchesQueryKey, queryFn: fetchSavedSearches });
}

export function useSaveSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedSearch,
    onSuccess: (saved) => {
      queryClient.setQueryData<SavedSearch[]>(savedSearchesQueryKey, (list) =>
        list ? [saved, ...list] : list,
      );
    },
  });
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedSearch,
    onSuccess: (_, deletedId) => {
      queryClient.setQueryData<SavedSearch[]>(savedSearchesQueryKey, (list) =>
        list?.filter((saved) => saved.id !== deletedId),
      );
    },
  });
}

export function useClearRecentSearches() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: clearRecentSearches,
    onSuccess: () => {
      queryClient.setQueryData(recentSearchesQueryKey, []);
    },
  });
}
