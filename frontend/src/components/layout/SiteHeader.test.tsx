import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { stubFetch } from '../../test/fetch-stub';
import { aPage, aSearchPage, someSuggestions } from '../../test/fixtures';
import { renderRoute } from '../../test/render-route';

describe('SiteHeader', () => {
  beforeEach(() => {
    // The home page's popular listings, search results, suggestions: none.
    stubFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/search/items') return Response.json(aSearchPage({ items: [] }));
      if (pathname === '/api/v1/search/suggest') return Response.json(someSuggestions());
      return Response.json(aPage([]));
    });
  });

  it('submits the search box to /search?q=<text>', async () => {
    const { router, user } = renderRoute('/');

    const search = within(screen.getByRole('search'));
    await user.type(
      search.getByRole('combobox', { name: 'Search Reloop' }),
      '  denim jacket {Enter}',
    );

    expect(router.state.location.pathname).toBe('/search');
    expect(new URLSearchParams(router.state.location.search).get('q')).toBe('denim jacket');
    expect(screen.getByRole('combobox', { name: 'Search Reloop' })).toHaveValue('denim jacket');
  });

  it('stays put when the search box is empty', async () => {
    const { router, user } = renderRoute('/');

    await user.type(screen.getByRole('combobox', { name: 'Search Reloop' }), '   {Enter}');

    expect(router.state.location.pathname).toBe('/');
  });

  it('links home, to selling, and to sign in or join', () => {
    renderRoute('/status-of-nothing');

    expect(screen.getByRole('link', { name: 'Reloop home' })).toHaveAttribute('href', '/');
    const primary = within(screen.getByRole('navigation', { name: 'Primary' }));
    expect(primary.getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    expect(primary.getByRole('link', { name: 'Explore' })).toHaveAttribute('href', '/explore');
    expect(primary.getByRole('link', { name: 'Sell' })).toHaveAttribute('href', '/sell');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
    expect(screen.getByRole('link', { name: 'Join' })).toHaveAttribute('href', '/signup');
  });

  it('offers a skip link to the main content', () => {
    renderRoute('/');

    const skip = screen.getByRole('link', { name: 'Skip to content' });
    const target = skip.getAttribute('href')?.slice(1) ?? '';
    expect(document.getElementById(target)).toBe(screen.getByRole('main'));
  });
});
