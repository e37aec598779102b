import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { aFacetValue, anItemCard, aSearchPage, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import { currentParams, searchRequests, stubSearch } from '../../../test/search-stub';
import type { Facets } from '../api/search';

const NO_FACETS = aSearchPage().facets;

const facets: Facets = {
  ...NO_FACETS,
  brands: [
    aFacetValue({ value: 'b-nike', label: 'Nike', count: 12 }),
    aFacetValue({ value: 'b-zara', label: 'Zara', count: 5 }),
  ],
  sizes: [aFacetValue({ value: 's-m', label: 'M', count: 7 })],
  conditions: [aFacetValue({ value: 'very_good', label: 'Very good', count: 9 })],
  colors: [aFacetValue({ value: 'blue', label: 'Blue', count: 4 })],
  price_bands: [
    { min: null, max: 1000, count: 3, selected: false },
    { min: 1000, max: 2500, count: 8, selected: false },
    { min: 2500, max: null, count: 6, selected: false },
  ],
  locations: [
    { country: 'FR', city: 'Lyon', count: 10 },
    { country: 'FR', city: 'Paris', count: 4 },
    { country: 'DE', city: 'Berlin', count: 3 },
  ],
};

function filterPanel() {
  return within(screen.getByRole('complementary', { name: 'Filters' }));
}

describe('SearchView', () => {
  afterEach(() => {
    // jsdom has no geolocation; the "near me" tests lend it one.
    Reflect.deleteProperty(navigator, 'geolocation');
  });

  it('shows the results with their count, and the facets with theirs', async () => {
    const fetchMock = stubSearch(() =>
      aSearchPage({
        items: [anItemCard({ title: 'Denim jacket' })],
        total: { value: 1234, capped: false },
        facets,
      }),
    );
    renderRoute('/search?q=jacket');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “jacket”' }),
    ).toBeInTheDocument();
    const results = await screen.findByRole('list', { name: 'Search results' });
    expect(within(results).getByRole('link', { name: 'Denim jacket' })).toBeInTheDocument();
    expect(within(results).getByRole('button', { name: 'Save Denim jacket' })).toBeInTheDocument();
    expect(screen.getByText('1,234 results')).toBeInTheDocument();
    expect(filterPanel().getByRole('checkbox', { name: 'Nike (12)' })).not.toBeChecked();
    expect(filterPanel().getByRole('radio', { name: '€10 – €25 (8)' })).toBeInTheDocument();
    expect(filterPanel().getByRole('radio', { name: 'Under €10 (3)' })).toBeInTheDocument();
    expect(searchRequests(fetchMock)[0]?.toString()).toBe('q=jacket&limit=24');
    expect(document.title).toBe('jacket · Search · Reloop');
  });

  it('says "10,000+" when the API stopped counting', async () => {
    stubSearch(() => aSearchPage({ total: { value: 10000, capped: true } }));
    renderRoute('/search');

    expect(await screen.findByText('10,000+ results')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'All listings' })).toBeInTheDocument();
  });

  it('is titled by the one brand searched, without words', async () => {
    stubSearch(() =>
      aSearchPage({
        facets: { ...NO_FACETS, brands: [aFacetValue({ label: 'Nike', selected: true })] },
      }),
    );
    renderRoute('/search?brand=b-nike');

    expect(await screen.findByRole('heading', { level: 1, name: 'Nike' })).toBeInTheDocument();
  });

  it('puts a ticked facet in the URL, asks for it, and Back takes it out', async () => {
    const fetchMock = stubSearch(() => aSearchPage({ facets }));
    const { router, user } = renderRoute('/search?q=jacket');

    await user.click(await filterPanel().findByRole('checkbox', { name: 'Nike (12)' }));
    await user.click(filterPanel().getByRole('checkbox', { name: 'Very good (9)' }));

    expect(currentParams(router).toString()).toBe('q=jacket&brand=b-nike&condition=very_good');
    await waitFor(() => {
      expect(searchRequests(fetchMock).at(-1)?.getAll('condition')).toEqual(['very_good']);
    });
    expect(searchRequests(fetchMock).at(-1)?.getAll('brand')).toEqual(['b-nike']);
    expect(filterPanel().getByRole('checkbox', { name: 'Nike (12)' })).toBeChecked();

    await router.navigate(-1);

    await waitFor(() => {
      expect(filterPanel().getByRole('checkbox', { name: 'Very good (9)' })).not.toBeChecked();
    });
    expect(currentParams(router).toString()).toBe('q=jacket&brand=b-nike');
  });

  it('drills down the categories, with the way back up', async () => {
    stubSearch((params) =>
      aSearchPage({
        facets: {
          ...NO_FACETS,
          categories: params.get('category')
            ? [aFacetValue({ value: 'c-women-clothing', label: 'Clothing', count: 7 })]
            : [aFacetValue({ value: 'c-women', label: 'Women', count: 10 })],
        },
      }),
    );
    const { router, user } = renderRoute('/search?q=dress');

    await user.click(await filterPanel().findByRole('link', { name: 'Women (10)' }));

    expect(currentParams(router).toString()).toBe('q=dress&category=c-women');
    expect(await filterPanel().findByRole('link', { name: 'Clothing (7)' })).toHaveAttribute(
      'href',
      '/search?q=dress&category=c-women-clothing',
    );
    expect(filterPanel().getByRole('link', { name: 'All categories' })).toHaveAttribute(
      'href',
      '/search?q=dress',
    );
    expect(screen.getByRole('button', { name: 'Remove filter: Women' })).toBeInTheDocument();
  });

  it('removes one filter from its chip, or all of them, keeping the words', async () => {
    stubSearch(() =>
      aSearchPage({
        facets: {
          ...facets,
          brands: [aFacetValue({ value: 'b-nike', label: 'Nike', selected: true })],
          sizes: [aFacetValue({ value: 's-m', label: 'M', selected: true })],
        },
      }),
    );
    const { router, user } = renderRoute(
      '/search?q=dress&brand=b-nike&size=s-m&price_min=1000&price_max=2499&sort=newest',
    );

    const chips = within(await screen.findByRole('list', { name: 'Active filters' }));
    expect(await chips.findByRole('button', { name: 'Remove filter: Nike' })).toBeInTheDocument();
    expect(chips.getByRole('button', { name: 'Remove filter: Size M' })).toBeInTheDocument();
    expect(chips.getByRole('button', { name: 'Remove filter: €10 – €25' })).toBeInTheDocument();
    expect(filterPanel().getByRole('radio', { name: '€10 – €25 (8)' })).toBeChecked();

    await user.click(chips.getByRole('button', { name: 'Remove filter: Nike' }));
    expect(currentParams(router).toString()).toBe(
      'q=dress&size=s-m&price_min=1000&price_max=2499&sort=newest',
    );

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(currentParams(router).toString()).toBe('q=dress&sort=newest');
    expect(screen.queryByRole('list', { name: 'Active filters' })).not.toBeInTheDocument();
  });

  it('sorts, asking the API for the new order', async () => {
    const fetchMock = stubSearch(() => aSearchPage());
    const { router, user } = renderRoute('/search?q=lamp');

    await user.selectOptions(
      await screen.findByRole('combobox', { name: 'Sort by' }),
      'Price: low to high',
    );

    expect(currentParams(router).toString()).toBe('q=lamp&sort=price_asc');
    await waitFor(() => {
      expect(searchRequests(fetchMock).at(-1)?.get('sort')).toBe('price_asc');
    });
  });

  it('filters by a price band (its top edge excluded) or by euros typed in', async () => {
    stubSearch(() => aSearchPage({ facets }));
    const { router, user } = renderRoute('/search');

    await user.click(await filterPanel().findByRole('radio', { name: '€10 – €25 (8)' }));
    expect(currentParams(router).toString()).toBe('price_min=1000&price_max=2499');

    await user.type(filterPanel().getByRole('textbox', { name: 'Min (€)' }), '12,5');
    await user.type(filterPanel().getByRole('textbox', { name: 'Max (€)' }), '40');
    await user.click(filterPanel().getByRole('button', { name: 'Apply' }));
    expect(currentParams(router).toString()).toBe('price_min=1250&price_max=4000');
    expect(filterPanel().getByRole('textbox', { name: 'Max (€)' })).toHaveValue('40');

    await user.clear(filterPanel().getByRole('textbox', { name: 'Min (€)' }));
    await user.type(filterPanel().getByRole('textbox', { name: 'Min (€)' }), 'cheap');
    await user.click(filterPanel().getByRole('button', { name: 'Apply' }));
    expect(filterPanel().getByRole('alert')).toHaveTextContent('Enter prices like 12 or 12.50.');
    expect(currentParams(router).toString()).toBe('price_min=1250&price_max=4000');
  });

  it('filters by country, then town', async () => {
    stubSearch(() => aSearchPage({ facets }));
    const { router, user } = renderRoute('/search');

    await user.selectOptions(await filterPanel().findByLabelText('Country'), 'France (14)');
    expect(currentParams(router).toString()).toBe('country=FR');
    await user.selectOptions(await filterPanel().findByLabelText('Town or city'), 'Lyon (10)');
    expect(currentParams(router).toString()).toBe('country=FR&city=Lyon');
    expect(screen.getByRole('button', { name: 'Remove filter: Lyon, France' })).toBeInTheDocument();
  });

  it('finds listings near the member, once the browser says where they are', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (found: PositionCallback) => {
          found({ coords: { latitude: 45.764043, longitude: 4.835659 } } as GeolocationPosition);
        },
      },
    });
    const fetchMock = stubSearch(() => aSearchPage({ facets }));
    const { router, user } = renderRoute('/search?q=lamp');

    await user.click(await filterPanel().findByRole('button', { name: 'Near me' }));
    expect(currentParams(router).toString()).toBe('q=lamp&lat=45.76&lon=4.84');
    await user.selectOptions(filterPanel().getByLabelText('Distance from you'), 'Within 10 km');

    expect(currentParams(router).toString()).toBe('q=lamp&lat=45.76&lon=4.84&radius_km=10');
    await waitFor(() => {
      expect(searchRequests(fetchMock).at(-1)?.get('radius_km')).toBe('10');
    });
    await user.click(screen.getByRole('button', { name: 'Remove filter: Within 10 km' }));
    expect(currentParams(router).toString()).toBe('q=lamp');
  });

  it('says so when the browser does not share where the member is', async () => {
    Object.defineProperty(navigator, 'geolocation', {
      configurable: true,
      value: {
        getCurrentPosition: (_found: PositionCallback, failed: PositionErrorCallback) => {
          failed({ code: 1, message: 'denied' } as GeolocationPositionError);
        },
      },
    });
    stubSearch(() => aSearchPage({ facets }));
    const { router, user } = renderRoute('/search?q=lamp');

    await user.click(await filterPanel().findByRole('button', { name: 'Near me' }));

    expect(filterPanel().getByRole('alert')).toHaveTextContent(
      'Your browser did not share where you are.',
    );
    expect(currentParams(router).toString()).toBe('q=lamp');
  });

  it('offers to remove each filter when nothing matches', async () => {
    stubSearch(() =>
      aSearchPage({
        items: [],
        facets: { ...NO_FACETS, brands: [aFacetValue({ label: 'Nike', selected: true })] },
      }),
    );
    const { router, user } = renderRoute('/search?q=dress&brand=b-nike&color=blue');

    expect(
      await screen.findByRole('heading', { name: 'No results for “dress”' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove Nike' }));

    expect(currentParams(router).toString()).toBe('q=dress&color=blue');
  });

  it('says when it searched for corrected words', async () => {
    stubSearch(() => aSearchPage({ corrected_query: 'adidas' }));
    renderRoute('/search?q=adiddas');

    expect(await screen.findByText(/No results for “adiddas”/)).toHaveTextContent(
      'No results for “adiddas”. Showing results for adidas.',
    );
  });

  it('offers to clear the filters of a search the API refuses', async () => {
    stubSearch(() =>
      errorResponse(422, 'unknown_filter_value', 'A filter names a brand that does not exist.'),
    );
    const { router, user } = renderRoute('/search?q=coat&brand=gone');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'A filter names a brand that does not exist.',
    );
    await user.click(screen.getByRole('button', { name: 'Clear all filters' }));

    expect(currentParams(router).toString()).toBe('q=coat');
  });
});
