import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub';
import { anItemCard } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

describe('routes', () => {
  it('renders the landing page at /, with what is popular', async () => {
    stubFetch(() => Response.json({ items: [anItemCard()], next_cursor: 'more' }));
    renderRoute('/');

    expect(
      screen.getByRole('heading', { level: 1, name: 'Give good things a second life.' }),
    ).toBeInTheDocument();
    const popular = await screen.findByRole('list', { name: 'Popular listings' });
    expect(popular).toHaveTextContent('Linen shirt');
    // A preview: the rest is on Explore, not loaded here.
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See everything popular' })).toHaveAttribute(
      'href',
      '/explore',
    );
    expect(screen.getByRole('link', { name: 'System status' })).toHaveAttribute('href', '/status');
    expect(screen.getByRole('link', { name: 'API docs' })).toHaveAttribute('href', '/api/docs');
  });

  it('renders the 404 page, inside the layout, for an unknown path', () => {
    renderRoute('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the home page' })).toHaveAttribute(
      'href',
      '/',
    );
    expect(screen.getByRole('search')).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Reloop');
  });
});
