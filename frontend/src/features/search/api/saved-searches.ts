import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import type { RecentSearch, SavedSearch, SavedSearchCreate } from './search';

/** The member's own searches, under the prefix dropped at sign-out. */
export const savedSearchesQueryKey = [...memberQueriesKey, 'saved-searches'] as const;
export const recentSearchesQueryKey = [...memberQueriesKey, 'recent-searches'] as const;

export async function fetchSavedSearches(): Promise<SavedSearch[]> {
  return dataOrThrow(await apiClient.GET('/api/v1/me/saved-searches')).items;
}

export async function createSavedSearch(body: SavedSearchCreate): Promise<SavedSearch> {
  return dataOrThrow(await apiClient.POST('/api/v1/me/saved-searches', { body }));
}

export async function deleteSavedSearch(savedSearchId: string): Promise<void> {
  okOrThrow(
    await apiClient.DELETE('/api/v1/me/saved-searches/{saved_search_id}', {
      params: { path: { saved_search_id: savedSearchId } },
    }),
  );
}

export async function fetchRecentSearches(signal?: AbortSignal): Promise<RecentSearch[]> {
  return dataOrThrow(await apiClient.GET('/api/v1/me/recent-searches', { signal })).items;
}

export async function clearRecentSearches(): Promise<void> {
  okOrThrow(await apiClient.DELETE('/api/v1/me/recent-searches'));
}
