import { describe, expect, it } from 'vitest';
import {
  filtersOf,
  filterCount,
  NO_FILTERS,
  readSearchParams,
  searchHref,
  searchParamsOf,
  toggleValue,
  withoutFilters,
} from './search-state';

describe('search state in the URL', () => {
  it('reads every filter, repeated keys as several values', () => {
    const { filters, sort } = readSearchParams(
      new URLSearchParams(
        'q=denim&category=c1&brand=b1&brand=b2&size=s1&condition=good&color=blue&color=red' +
          '&price_min=1000&price_max=2499&country=fr&city=Lyon&sort=price_asc',
      ),
    );

    expect(filters).toEqual({
      q: 'denim',
      category: 'c1',
      brand: ['b1', 'b2'],
      size: ['s1'],
      condition: ['good'],
      color: ['blue', 'red'],
      price_min: 1000,
      price_max: 2499,
      country: 'FR',
      city: 'Lyon',
      lat: null,
      lon: null,
      radius_km: 25,
    });
    expect(sort).toBe('price_asc');
  });

  it('leaves out what is malformed rather than sending the API a bad search', () => {
    const { filters, sort } = readSearchParams(
      new URLSearchParams(
        'price_min=12.5&price_max=-3&country=France&sort=cheapest&brand=&city=%20',
      ),
    );

    expect(filters).toEqual(NO_FILTERS);
    expect(sort).toBe('relevance');
  });

  it('swaps a minimum above the maximum, and drops repeated values', () => {
    const { filters } = readSearchParams(
      new URLSearchParams('price_min=5000&price_max=1000&brand=b1&brand=b1'),
    );

    expect(filters).toMatchObject({ price_min: 1000, price_max: 5000, brand: ['b1'] });
  });

  it('reads a distance from a position only with both coordinates', () => {
    const near = readSearchParams(new URLSearchParams('lat=45.76&lon=4.84&radius_km=10')).filters;
    const halfway = readSearchParams(new URLSearchParams('lat=45.76&radius_km=10')).filters;

    expect(near).toMatchObject({ lat: 45.76, lon: 4.84, radius_km: 10 });
    expect(halfway).toMatchObject({ lat: null, lon: null, radius_km: 25 });
    expect(searchParamsOf(near).toString()).toBe('lat=45.76&lon=4.84&radius_km=10');
    expect(searchParamsOf({ ...near, radius_km: 25 }).toString()).toBe('lat=45.76&lon=4.84');
    expect(filterCount(near)).toBe(1);
  });

  it('writes a search back in a fixed order, without empty filters or the default sort', () => {
    const filters = { ...NO_FILTERS, q: 'denim', brand: ['b1', 'b2'], price_max: 999 };

    expect(searchParamsOf(filters).toString()).toBe('q=denim&brand=b1&brand=b2&price_max=999');
    expect(searchHref(filters, 'newest')).toBe(
      '/search?q=denim&brand=b1&brand=b2&price_max=999&sort=newest',
    );
    expect(searchHref(NO_FILTERS)).toBe('/search');
  });

  it('round-trips through the URL', () => {
    const filters = { ...NO_FILTERS, q: 'a & b', color: ['blue'], city: 'Saint-Étienne' };

    expect(readSearchParams(searchParamsOf(filters, 'price_desc'))).toEqual({
      filters,
      sort: 'price_desc',
    });
  });

  it('toggles a value, counts filters apart from words, and clears them keeping the words', () => {
    const filters = toggleValue({ ...NO_FILTERS, q: 'coat' }, 'size', 's1');

    expect(filters.size).toEqual(['s1']);
    expect(toggleValue(filters, 'size', 's1').size).toEqual([]);
    expect(filterCount(filters)).toBe(1);
    expect(
      filterCount({ ...filters, price_min: 100, price_max: 200, country: 'FR', city: 'Lyon' }),
    ).toBe(3);
    expect(filterCount({ ...NO_FILTERS, q: 'coat' })).toBe(0);
    expect(withoutFilters(filters)).toEqual({ ...NO_FILTERS, q: 'coat' });
  });

  it('fills in what a stored search leaves out', () => {
    expect(filtersOf({ q: 'boots', brand: ['b1'], radius_km: 25 })).toEqual({
      ...NO_FILTERS,
      q: 'boots',
      brand: ['b1'],
    });
  });
});
