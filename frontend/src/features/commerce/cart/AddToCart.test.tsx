import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCart } from '../../../test/commerce-fixtures';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, anItem } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { ItemDetail } from '../../listings/api/items';

const ITEM_URL = '/items/0190a1b2-0000-7000-8000-0000000000b1';
const buyer = aMember({ id: '0190a1b2-0000-7000-8000-000000000009', username: 'bea' });

/** The listing, its comments (none), and `put` for the cart. */
function stubItem(item: ItemDetail, put: () => Response = () => Response.json(aCart())) {
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'PUT') return put();
    if (pathname.endsWith('/comments')) return Response.json({ items: [], next_cursor: null });
    return Response.json(item);
  });
}

describe('Add to cart', () => {
  it('adds the chosen quantity and says so with a link to the cart', async () => {
    const fetchMock = stubItem(anItem({ quantity: 3, available: 3 }));
    const { user } = renderRoute(ITEM_URL, { me: buyer });

    await user.selectOptions(await screen.findByLabelText('Quantity'), '2');
    await user.click(screen.getByRole('button', { name: 'Add to cart' }));

    const message = await screen.findByText(/is in your cart/);
    const toast = message.closest<HTMLElement>('[role="status"]');
    if (!toast) throw new Error('the message is not in a status toast');
    expect(toast).toHaveTextContent('“Denim jacket” is in your cart. View cart');
    expect(within(toast).getByRole('link', { name: 'View cart' })).toHaveAttribute('href', '/cart');
    expect(screen.getByRole('link', { name: 'Cart, 2 items' })).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain(
      'PUT /api/v1/cart/items/0190a1b2-0000-7000-8000-0000000000b1',
    );
    const put = fetchMock.mock.calls
      .map(([input]) => input as Request)
      .find((r) => r.method === 'PUT');
    expect(await put?.json()).toEqual({ quantity: 2 });
  });

  it('offers no quantity for a single piece and shows how long it is reserved', async () => {
    stubItem(anItem({ reserved_until: new Date(Date.now() + 9 * 60_000 + 30_000).toISOString() }));
    renderRoute(ITEM_URL, { me: buyer });

    expect(await screen.findByRole('button', { name: 'Add to cart' })).toBeVisible();
    expect(screen.queryByLabelText('Quantity')).not.toBeInTheDocument();
    expect(screen.getByText('Reserved — 10 min left')).toBeVisible();
  });

  it('is not offered on your own listing, nor on a sold one', async () => {
    stubItem(anItem());
    const { unmount } = renderRoute(ITEM_URL, { me: aMember() });
    expect(await screen.findByRole('link', { name: 'Edit listing' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
    unmount();

    stubItem(anItem({ status: 'sold', available: 0 }));
    renderRoute(ITEM_URL, { me: buyer });
    expect(await screen.findByRole('heading', { level: 1, name: 'Denim jacket' })).toBeVisible();
    expect(screen.queryByRole('button', { name: 'Add to cart' })).not.toBeInTheDocument();
  });

  it('sends a visitor to sign in first', async () => {
    stubItem(anItem());
    const { user, router } = renderRoute(ITEM_URL);

    await user.click(await screen.findByRole('button', { name: 'Add to cart' }));

    expect(router.state.location.pathname).toBe('/login');
  });
});
