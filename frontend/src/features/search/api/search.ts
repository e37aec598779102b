import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { ITEMS_PER_PAGE } from '../../listings/api/items';
import { isNear, type SearchFilters, searchParamsOf } from '../search-state';

export type SearchQuery = components['schemas']['SearchQuery'];
export type SearchSort = components['schemas']['SearchSort'];
export type SearchPage = components['schemas']['SearchPage'];
export type Facets = components['schemas']['Facets'];
export type FacetValue = components['schemas']['FacetValue'];
export type PriceBand = components['schemas']['PriceBand'];
export type LocationFacet = components['schemas']['LocationFacet'];
export type ResultCount = components['schemas']['ResultCount'];
export type Suggestions = components['schemas']['Suggestions'];
export type BrandSuggestion = components['schemas']['BrandSuggestion'];
export type CategorySuggestion = components['schemas']['CategorySuggestion'];
export type SavedSearch = components['schemas']['SavedSearch'];
export type SavedSearchCreate = components['schemas']['SavedSearchCreate'];
export type RecentSearch = components['schemas']['RecentSearch'];

/**
 * Results carry the viewer's likes and saves, so they live outside the member prefix and
 * are reset, like every public query, when the viewer signs in or out.
 */
export function searchResultsQueryKey(filters: SearchFilters, sort: SearchSort) {
  return ['search', 'items', searchParamsOf(filters, sort).toString()] as const;
}

export function suggestionsQueryKey(text: string) {
  return ['search', 'suggest', text] as const;
}

/** The filters the API is sent: empty ones are left out, so URLs and logs stay short. */
function apiFilters(filters: SearchFilters) {
  return {
    q: filters.q || undefined,
    category: filters.category ?? undefined,
    brand: filters.brand,
    size: filters.size,
    condition: filters.condition,
    color: filters.color,
    price_min: filters.price_min ?? undefined,
    price_max: filters.price_max ?? undefined,
    country: filters.country ?? undefined,
    city: filters.city ?? undefined,
    ...(isNear(filters)
      ? { lat: filters.lat, lon: filters.lon, radius_km: filters.radius_km }
      : undefined),
  };
}

export async function fetchSearchPage(
  filters: SearchFilters,
  sort: SearchSort,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<SearchPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/search/items', {
      params: {
        query: {
          ...apiFilters(filters),
          sort: sort === 'relevance' ? undefined : sort,
          limit: ITEMS_PER_PAGE,
          cursor: cursor ?? undefined,
        },
      },
      signal,
    }),
  );
}

export async function fetchSuggestions(text: string, signal?: AbortSignal): Promise<Suggestions> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/search/suggest', { params: { query: { q: text } }, signal }),
  );
}
