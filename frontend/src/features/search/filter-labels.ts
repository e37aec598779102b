import {
  type CategoryNode,
  type Color,
  type Condition,
  categoryPath,
} from '../listings/api/taxonomy';
import { countryName } from '../profile/countries';
import type { FacetValue, Facets } from './api/search';
import { matchingBand, priceBandLabel, priceRangeLabel } from './price';
import { isNear, type MultiFilter, NO_FILTERS, type SearchFilters } from './search-state';

/**
 * Where the names of chosen ids and keys come from: the facets of the results (which
 * list every chosen value), and the taxonomy for what facets do not name.
 */
export interface LabelSources {
  facets?: Facets | undefined;
  categories?: CategoryNode[] | undefined;
  conditions?: Condition[] | undefined;
  colors?: Color[] | undefined;
}

/** One filter in use, and the search without it. */
export interface ActiveFilter {
  id: string;
  label: string;
  without: SearchFilters;
}

function facetLabel(values: FacetValue[] | undefined, value: string): string | undefined {
  return values?.find((facet) => facet.value === value)?.label;
}

export function categoryName(sources: LabelSources, id: string): string | undefined {
  return sources.categories && categoryPath(sources.categories, id)?.at(-1)?.name;
}

/** Each chosen value's name, or undefined where no source names it (a saved search's brands). */
function valueLabel(sources: LabelSources, key: MultiFilter, value: string): string | undefined {
  switch (key) {
    case 'brand':
      return facetLabel(sources.facets?.brands, value);
    case 'size':
      return facetLabel(sources.facets?.sizes, value);
    case 'condition':
      return (
        facetLabel(sources.facets?.conditions, value) ??
        sources.conditions?.find((condition) => condition.key === value)?.name
      );
    case 'color':
      return (
        facetLabel(sources.facets?.colors, value) ??
        sources.colors?.find((color) => color.key === value)?.name
      );
  }
}

const KIND_NAMES: Record<MultiFilter, [one: string, many: string]> = {
  brand: ['brand', 'brands'],
  size: ['size', 'sizes'],
  condition: ['condition', 'conditions'],
  color: ['colour', 'colours'],
};

function chipLabel(key: MultiFilter, label: string | undefined): string {
  const kind = KIND_NAMES[key][0];
  if (label === undefined) return kind.charAt(0).toUpperCase() + kind.slice(1);
  return key === 'size' ? `Size ${label}` : label;
}

/** "Under €10" for a band of the facet, "€12 – €30" for a range typed in. */
function priceLabel(filters: SearchFilters, sources: LabelSources): string | null {
  const { price_min: min, price_max: max } = filters;
  if (min === null && max === null) return null;
  const band = matchingBand(sources.facets?.price_bands, min, max);
  return band ? priceBandLabel(band.min, band.max) : priceRangeLabel(min, max);
}

export function locationLabel(country: string | null, city: string | null): string | null {
  if (country && city) return `${city}, ${countryName(country)}`;
  return country ? countryName(country) : city;
}

function nearLabel(filters: SearchFilters): string | null {
  return isNear(filters) ? `Within ${filters.radius_km.toLocaleString('en')} km` : null;
}

/** The filters in use, in the order of the filter panel, each with a way to remove it. */
export function activeFilters(filters: SearchFilters, sources: LabelSources): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (filters.category) {
    active.push({
      id: 'category',
      label: categoryName(sources, filters.category) ?? 'Category',
      without: { ...filters, category: null },
    });
  }
  for (const key of ['brand', 'size', 'condition', 'color'] as const) {
    for (const value of filters[key]) {
      active.push({
        id: `${key}:${value}`,
        label: chipLabel(key, valueLabel(sources, key, value)),
        without: { ...filters, [key]: filters[key].filter((other) => other !== value) },
      });
    }
  }
  const price = priceLabel(filters, sources);
  if (price) {
    active.push({
      id: 'price',
      label: price,
      without: { ...filters, price_min: null, price_max: null },
    });
  }
  const location = locationLabel(filters.country, filters.city);
  if (location) {
    active.push({
      id: 'location',
      label: location,
      without: { ...filters, country: NO_FILTERS.country, city: NO_FILTERS.city },
    });
  }
  const near = nearLabel(filters);
  if (near) {
    active.push({
      id: 'near',
      label: near,
      without: { ...filters, lat: null, lon: null, radius_km: NO_FILTERS.radius_km },
    });
  }
  return active;
}

/** "Nike, Adidas", or "2 brands" when some have no name at hand. */
function valuesSummary(filters: SearchFilters, sources: LabelSources, key: MultiFilter) {
  const values = filters[key];
  if (values.length === 0) return null;
  const labels = values.map((value) => valueLabel(sources, key, value));
  if (labels.every((label) => label !== undefined)) {
    const joined = labels.join(', ');
    return key === 'size' ? `Size ${joined}` : joined;
  }
  const [one, many] = KIND_NAMES[key];
  return `${values.length} ${values.length === 1 ? one : many}`;
}

/**
 * A search in a few words, "denim · Dresses · Levi's · Size M · €10 – €25": the name a
 * saved search is offered, and its summary in the list (with the words quoted).
 */
export function describeSearch(
  filters: SearchFilters,
  sources: LabelSources,
  { quoteWords = false } = {},
): string {
  const category = filters.category
    ? (categoryName(sources, filters.category) ?? 'A category')
    : null;
  const parts = [
    filters.q && (quoteWords ? `“${filters.q}”` : filters.q),
    category,
    valuesSummary(filters, sources, 'brand'),
    valuesSummary(filters, sources, 'size'),
    valuesSummary(filters, sources, 'condition'),
    valuesSummary(filters, sources, 'color'),
    priceLabel(filters, sources),
    locationLabel(filters.country, filters.city),
    nearLabel(filters),
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'All listings';
}
