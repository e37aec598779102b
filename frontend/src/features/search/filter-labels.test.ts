import { describe, expect, it } from 'vitest';
import { aFacetValue, aSearchPage, categoryTree } from '../../test/fixtures';
import { activeFilters, describeSearch } from './filter-labels';
import { NO_FILTERS } from './search-state';

const facets = {
  ...aSearchPage().facets,
  brands: [aFacetValue({ value: 'b-nike', label: 'Nike', selected: true })],
  sizes: [aFacetValue({ value: 's-m', label: 'M', selected: true })],
  price_bands: [
    { min: null, max: 1000, count: 2, selected: false },
    { min: 1000, max: 2500, count: 5, selected: true },
  ],
};

describe('filter labels', () => {
  it('names each filter in use, and says how the search looks without it', () => {
    const filters = {
      ...NO_FILTERS,
      q: 'dress',
      category: 'c-dresses',
      brand: ['b-nike'],
      size: ['s-m'],
      color: ['blue'],
      price_min: 1000,
      price_max: 2499,
      country: 'FR',
      city: 'Lyon',
    };
    const colors = [{ key: 'blue', name: 'Blue', hex: '#1F5FBF' }];

    const active = activeFilters(filters, { facets, categories: categoryTree, colors });

    expect(active.map((filter) => filter.label)).toEqual([
      'Dresses',
      'Nike',
      'Size M',
      'Blue',
      '€10 – €25',
      'Lyon, France',
    ]);
    expect(active[1]?.without).toEqual({ ...filters, brand: [] });
    expect(active[4]?.without).toMatchObject({ price_min: null, price_max: null });
  });

  it('describes a search in a few words, counting what it cannot name', () => {
    const filters = { ...NO_FILTERS, q: 'boots', brand: ['b1', 'b2'], price_max: 5000 };

    expect(describeSearch(filters, {})).toBe('boots · 2 brands · Up to €50');
    expect(describeSearch(filters, {}, { quoteWords: true })).toBe(
      '“boots” · 2 brands · Up to €50',
    );
    expect(describeSearch(NO_FILTERS, {})).toBe('All listings');
  });
});
