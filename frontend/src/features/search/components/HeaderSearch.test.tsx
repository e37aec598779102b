import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, aPage, aSearchPage, someSuggestions } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import { currentParams } from '../../../test/search-stub';

const suggestions = someSuggestions({
  brands: [{ id: 'b-adidas', name: 'Adidas' }],
  categories: [{ id: 'c-dresses', name: 'Dresses', path: ['Women', 'Clothing', 'Dresses'] }],
  queries: ['adidas gazelle'],
});

/** Suggestions for any words, recent searches, and whatever page the choice leads to. */
function stubApi(recent: unknown[] = []) {
  let remembered = recent;
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/search/suggest') return Response.json(suggestions);
    if (pathname === '/api/v1/me/recent-searches') {
      if (request.method !== 'DELETE') return Response.json({ items: remembered });
      remembered = [];
      return new Response(null, { status: 204 });
    }
    if (pathname === '/api/v1/search/items') return Response.json(aSearchPage());
    return Response.json(aPage([]));
  });
}

function searchBox() {
  return within(screen.getByRole('search')).getByRole('combobox', { name: 'Search Reloop' });
}

describe('HeaderSearch', () => {
  it('suggests brands, categories and popular searches as you type', async () => {
    const fetchMock = stubApi();
    const { router, user } = renderRoute('/');

    await user.type(searchBox(), 'addidas');

    const options = await screen.findByRole('listbox');
    expect(await within(options).findByRole('option', { name: 'Adidas' })).toBeInTheDocument();
    expect(within(options).getByRole('group', { name: 'Brands' })).toBeInTheDocument();
    expect(
      within(options).getByRole('option', { name: 'Dresses · Women › Clothing' }),
    ).toBeInTheDocument();
    expect(within(options).getByRole('option', { name: 'adidas gazelle' })).toBeInTheDocument();
    expect(
      within(options).getByRole('option', { name: 'Search for “addidas”' }),
    ).toBeInTheDocument();
    // Debounced: one request once typing paused, not one per letter.
    expect(requestedCalls(fetchMock).filter((call) => call.includes('suggest'))).toHaveLength(1);

    await user.click(within(options).getByRole('option', { name: 'Adidas' }));

    expect(router.state.location.pathname).toBe('/search');
    expect(currentParams(router).toString()).toBe('brand=b-adidas');
  });

  it('goes to a category with the keyboard', async () => {
    stubApi();
    const { router, user } = renderRoute('/');

    await user.type(searchBox(), 'dress');
    await screen.findByRole('option', { name: 'Dresses · Women › Clothing' });
    // The words are highlighted at first; then the brand, then the category.
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(searchBox()).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: 'Dresses · Women › Clothing' }).id,
    );
    await user.keyboard('{Enter}');

    expect(currentParams(router).toString()).toBe('category=c-dresses');
  });

  it('searches for the words on Enter, the suggestions open or closed', async () => {
    stubApi();
    const { router, user } = renderRoute('/');

    await user.type(searchBox(), '  denim jacket ');
    expect(searchBox()).toHaveAttribute(
      'aria-activedescendant',
      screen.getByRole('option', { name: 'Search for “denim jacket”' }).id,
    );
    await user.keyboard('{Enter}');

    expect(router.state.location.pathname).toBe('/search');
    expect(currentParams(router).get('q')).toBe('denim jacket');
    expect(searchBox()).toHaveValue('denim jacket');

    await user.type(searchBox(), ' blue{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');

    expect(currentParams(router).get('q')).toBe('denim jacket blue');
  });

  it('offers a member their recent searches in the empty box, and to clear them', async () => {
    const fetchMock = stubApi([
      {
        query: { q: 'linen shirt', size: ['s-m'], radius_km: 25 },
        summary: '“linen shirt” · M',
        searched_at: '2026-11-24T09:00:00Z',
      },
      {
        query: { q: 'lamp', radius_km: 25 },
        summary: '“lamp”',
        searched_at: '2026-11-23T09:00:00Z',
      },
    ]);
    const { router, user } = renderRoute('/status-of-nothing', { me: aMember() });

    await user.click(searchBox());
    const recent = within(await screen.findByRole('group', { name: 'Recent searches' }));
    await user.click(recent.getByRole('option', { name: '“linen shirt” · M' }));
    expect(currentParams(router).toString()).toBe('q=linen+shirt&size=s-m');

    await user.clear(searchBox());
    await user.click(
      within(await screen.findByRole('group', { name: 'Recent searches' })).getByRole('option', {
        name: 'Clear recent searches',
      }),
    );
    await waitFor(() => {
      expect(requestedCalls(fetchMock)).toContain('DELETE /api/v1/me/recent-searches');
    });
    await user.click(document.body);
    await user.click(searchBox());
    expect(screen.queryByRole('group', { name: 'Recent searches' })).not.toBeInTheDocument();
  });

  it('asks for no recent searches for visitors', async () => {
    const fetchMock = stubApi();
    const { user } = renderRoute('/status-of-nothing');

    await user.click(searchBox());

    expect(requestedCalls(fetchMock)).not.toContain('GET /api/v1/me/recent-searches');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
  });
});
