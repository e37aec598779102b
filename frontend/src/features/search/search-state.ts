import type { SearchQuery, SearchSort } from './api/search';

/**
 * A search as the page works with it: every filter present, empty when unused. The URL
 * holds it (`/search?q=…&brand=…&brand=…`), so a search can be shared, bookmarked, and
 * walked back and forth through the browser's history.
 */
export type SearchFilters = Required<SearchQuery>;

export interface SearchState {
  filters: SearchFilters;
  sort: SearchSort;
}

/** The filters that take several values, one URL key repeated per value. */
export type MultiFilter = 'brand' | 'size' | 'condition' | 'color';

export const SEARCH_SORTS: readonly SearchSort[] = [
  'relevance',
  'newest',
  'price_asc',
  'price_desc',
];
const DEFAULT_SORT: SearchSort = 'relevance';

// The API's limits (search/schemas.py): a hand-edited URL is trimmed to a valid search
// rather than answered with a 422.
const MAX_QUERY_LENGTH = 200;
const MAX_FILTER_VALUES = 20;
const MAX_CITY_LENGTH = 80;
const MAX_AMOUNT = 10 ** 12;
const MAX_RADIUS_KM = 500;
export const DEFAULT_RADIUS_KM = 25;

export const NO_FILTERS: SearchFilters = {
  q: '',
  category: null,
  brand: [],
  size: [],
  condition: [],
  color: [],
  price_min: null,
  price_max: null,
  country: null,
  city: null,
  lat: null,
  lon: null,
  radius_km: DEFAULT_RADIUS_KM,
};

function isSort(value: string | null): value is SearchSort {
  return SEARCH_SORTS.some((sort) => sort === value);
}

function readText(params: URLSearchParams, key: string, maxLength: number): string | null {
  const text = params.get(key)?.trim().slice(0, maxLength);
  if (!text) return null;
  return text;
}

function readValues(params: URLSearchParams, key: MultiFilter): string[] {
  const values = params.getAll(key).filter(Boolean);
  return [...new Set(values)].slice(0, MAX_FILTER_VALUES);
}

function readAmount(params: URLSearchParams, key: string): number | null {
  const text = params.get(key);
  if (!text || !/^\d{1,13}$/.test(text)) return null;
  const amount = Number(text);
  return amount <= MAX_AMOUNT ? amount : null;
}

function readCountry(params: URLSearchParams): string | null {
  const code = params.get('country')?.toUpperCase();
  return code && /^[A-Z]{2}$/.test(code) ? code : null;
}

function readNumber(params: URLSearchParams, key: string, limit: number): number | null {
  const text = params.get(key);
  if (!text || !/^-?\d{1,3}(\.\d{1,6})?$/.test(text)) return null;
  const value = Number(text);
  return Math.abs(value) <= limit ? value : null;
}

/** "Near here": a position, both coordinates or neither, and how far from it. */
function readNear(params: URLSearchParams) {
  const lat = readNumber(params, 'lat', 90);
  const lon = readNumber(params, 'lon', 180);
  const radius = readNumber(params, 'radius_km', MAX_RADIUS_KM);
  if (lat === null || lon === null) return { lat: null, lon: null, radius_km: DEFAULT_RADIUS_KM };
  return { lat, lon, radius_km: radius !== null && radius > 0 ? radius : DEFAULT_RADIUS_KM };
}

/** The search a URL's query string describes; what is malformed is left out. */
export function readSearchParams(params: URLSearchParams): SearchState {
  let priceMin = readAmount(params, 'price_min');
  let priceMax = readAmount(params, 'price_max');
  if (priceMin !== null && priceMax !== null && priceMin > priceMax) {
    [priceMin, priceMax] = [priceMax, priceMin];
  }
  const sort = params.get('sort');
  return {
    filters: {
      q: params.get('q')?.trim().slice(0, MAX_QUERY_LENGTH) ?? '',
      category: readText(params, 'category', 64),
      brand: readValues(params, 'brand'),
      size: readValues(params, 'size'),
      condition: readValues(params, 'condition'),
      color: readValues(params, 'color'),
      price_min: priceMin,
      price_max: priceMax,
      country: readCountry(params),
      city: readText(params, 'city', MAX_CITY_LENGTH),
      ...readNear(params),
    },
    sort: isSort(sort) ? sort : DEFAULT_SORT,
  };
}

/** The query string of a search, in a fixed order and without empty filters. */
export function searchParamsOf(filters: SearchFilters, sort: SearchSort = DEFAULT_SORT) {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.category) params.set('category', filters.category);
  for (const key of ['brand', 'size', 'condition', 'color'] as const) {
    for (const value of filters[key]) params.append(key, value);
  }
  if (filters.price_min !== null) params.set('price_min', String(filters.price_min));
  if (filters.price_max !== null) params.set('price_max', String(filters.price_max));
  if (filters.country) params.set('country', filters.country);
  if (filters.city) params.set('city', filters.city);
  if (filters.lat !== null && filters.lon !== null) {
    params.set('lat', String(filters.lat));
    params.set('lon', String(filters.lon));
    if (filters.radius_km !== DEFAULT_RADIUS_KM) params.set('radius_km', String(filters.radius_km));
  }
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  return params;
}

/** A link to the search page showing this search. */
export function searchHref(filters: SearchFilters, sort: SearchSort = DEFAULT_SORT): string {
  const query = searchParamsOf(filters, sort).toString();
  return query ? `/search?${query}` : '/search';
}

/** A stored search (saved or recent) with its unused filters filled in. */
export function filtersOf(query: SearchQuery): SearchFilters {
  return {
    q: query.q,
    category: query.category ?? null,
    brand: query.brand ?? [],
    size: query.size ?? [],
    condition: query.condition ?? [],
    color: query.color ?? [],
    price_min: query.price_min ?? null,
    price_max: query.price_max ?? null,
    country: query.country ?? null,
    city: query.city ?? null,
    lat: query.lat ?? null,
    lon: query.lon ?? null,
    radius_km: query.radius_km,
  };
}

/** The filters with `value` chosen, or no longer chosen if it was. */
export function toggleValue(
  filters: SearchFilters,
  key: MultiFilter,
  value: string,
): SearchFilters {
  const chosen = filters[key];
  return {
    ...filters,
    [key]: chosen.includes(value) ? chosen.filter((other) => other !== value) : [...chosen, value],
  };
}

/** Whether the search is limited to a distance from a position ("near me"). */
export function isNear(filters: SearchFilters): boolean {
  return filters.lat !== null && filters.lon !== null;
}

/**
 * How many filters narrow the search: each value counts one, and so do a price range, a
 * place (country or town) and a distance.
 */
export function filterCount(filters: SearchFilters): number {
  const values = filters.brand.length + filters.size.length;
  const keys = filters.condition.length + filters.color.length;
  const price = filters.price_min !== null || filters.price_max !== null ? 1 : 0;
  const place = filters.country || filters.city ? 1 : 0;
  const near = isNear(filters) ? 1 : 0;
  return (filters.category ? 1 : 0) + values + keys + price + place + near;
}

/** The same words, every filter removed. */
export function withoutFilters(filters: SearchFilters): SearchFilters {
  return { ...NO_FILTERS, q: filters.q };
}
