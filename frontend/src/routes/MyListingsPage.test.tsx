import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub';
import { aMember, anItemCard } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

function requestedUrls(mock: ReturnType<typeof stubFetch>): URL[] {
  return mock.mock.calls.map(([request]) => new URL((request as Request).url));
}

describe('MyListingsPage', () => {
  it('lists the active listings, page after page with the cursor', async () => {
    const fetchMock = stubFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      return Response.json(
        cursor
          ? { items: [anItemCard({ id: 'i-2', title: 'Wool scarf' })], next_cursor: null }
          : { items: [anItemCard({ id: 'i-1', title: 'Linen shirt' })], next_cursor: 'c2' },
      );
    });
    const { user } = renderRoute('/my/listings', { me: aMember() });

    const grid = await screen.findByRole('list', { name: 'Your listings for sale' });
    expect(within(grid).getByRole('link', { name: 'Linen shirt' })).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Active', selected: true })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await within(grid).findByRole('link', { name: 'Wool scarf' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(
      requestedUrls(fetchMock).map((url) => [
        url.pathname,
        url.searchParams.get('status'),
        url.searchParams.get('cursor'),
      ]),
    ).toEqual([
      ['/api/v1/me/items', 'active', null],
      ['/api/v1/me/items', 'active', 'c2'],
    ]);
  });

  it('switches status with the tabs, in the URL, and points empty tabs to selling', async () => {
    const fetchMock = stubFetch(() => Response.json({ items: [], next_cursor: null }));
    const { router, user } = renderRoute('/my/listings?status=draft', { me: aMember() });

    expect(await screen.findByText('No drafts')).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Drafts', selected: true })).toBeVisible();
    const panel = within(screen.getByRole('tabpanel'));
    expect(panel.getByRole('link', { name: 'Sell an item' })).toHaveAttribute('href', '/sell');

    await user.click(screen.getByRole('tab', { name: 'Sold' }));

    expect(await screen.findByText('Nothing sold yet')).toBeVisible();
    expect(router.state.location.search).toBe('?status=sold');
    expect(requestedUrls(fetchMock).map((url) => url.searchParams.get('status'))).toEqual([
      'draft',
      'sold',
    ]);
  });
});
