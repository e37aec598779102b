import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { aCart, aCartGroup, aCartLine } from '../../../test/commerce-fixtures';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { Cart } from '../api/types';

function stubCart(
  cart: Cart,
  write: (request: Request) => Response | Promise<Response> = () => Response.json(cart),
) {
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/cart' && request.method === 'GET') return Response.json(cart);
    if (pathname.startsWith('/api/v1/cart/')) return write(request);
    return new Response(null, { status: 404 });
  });
}

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

describe('Cart', () => {
  it('groups lines by seller, each with its items, shipping, buyer protection and subtotal', async () => {
    stubCart(aCart());
    renderRoute('/cart', { me: aMember(), cart: 'from-network' });

    const grace = await screen.findByRole('region', { name: 'From Grace Hopper' });
    expect(within(grace).getByRole('list', { name: 'Items from Grace Hopper' })).toHaveTextContent(
      'Wool coat',
    );
    expect(within(grace).getByText('Subtotal from Grace Hopper').nextSibling).toHaveTextContent(
      '€46.69',
    );
    expect(within(grace).getByText('Buyer protection').nextSibling).toHaveTextContent('€2.70');
    const alan = screen.getByRole('region', { name: 'From Alan Turing' });
    expect(within(alan).getByLabelText('Quantity')).toHaveValue('2');
    expect(within(alan).getByText('Subtotal from Alan Turing').nextSibling).toHaveTextContent(
      '€36.19',
    );
    expect(screen.getByText('€82.88')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Checkout' })).toHaveAttribute('href', '/checkout');
    expect(screen.getByRole('link', { name: 'Cart, 2 items' })).toBeInTheDocument();
  });

  it('says why each line cannot be bought and keeps checkout disabled', async () => {
    const sold = aCartLine({
      item: { ...aCartLine().item, id: 'i-sold', title: 'Sold boots', status: 'sold' },
      problem: { code: 'sold', message: 'This item has been sold.' },
    });
    const reserved = aCartLine({
      item: { ...aCartLine().item, id: 'i-held', title: 'Held bag' },
      problem: { code: 'reserved', message: 'Reserved.', reserved_until: inMinutes(12) },
    });
    const fewer = aCartLine({
      item: { ...aCartLine().item, id: 'i-few', title: 'Socks', available: 1 },
      quantity: 3,
      problem: { code: 'quantity_reduced', message: 'Fewer left.', available: 1 },
    });
    const blocked = aCartLine({
      item: { ...aCartLine().item, id: 'i-blocked', title: 'Lamp' },
      problem: { code: 'blocked', message: 'A block between you and this seller prevents this.' },
    });
    stubCart(
      aCart({
        groups: [aCartGroup({ lines: [sold, reserved, fewer, blocked], checkout_ready: false })],
        checkout_ready: false,
      }),
    );
    renderRoute('/cart', { me: aMember(), cart: 'from-network' });

    expect(await screen.findByText('Sold: remove it to check out the rest.')).toBeVisible();
    expect(
      screen.getByText('Reserved by another buyer — 12 min left. It may come back.'),
    ).toBeVisible();
    expect(screen.getByText('Only 1 left: lower the quantity to 1 or remove it.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Buy 1 instead for Socks' })).toBeVisible();
    expect(screen.getByText('A block between you and this seller prevents this.')).toBeVisible();
    const checkout = screen.getByRole('button', { name: 'Checkout' });
    expect(checkout).toBeDisabled();
    expect(checkout).toHaveAccessibleDescription(
      'Fix or remove the items marked above to check out.',
    );
  });

  it('accepts a changed price by putting the line again', async () => {
    const changed = aCartLine({
      problem: {
        code: 'price_changed',
        message: 'The price changed.',
        current_price: { amount: 4500, currency: 'EUR' },
      },
    });
    const fixed = aCart({
      groups: [
        aCartGroup({ lines: [aCartLine({ unit_price: { amount: 4500, currency: 'EUR' } })] }),
      ],
    });
    const fetchMock = stubCart(
      aCart({
        groups: [aCartGroup({ lines: [changed], checkout_ready: false })],
        checkout_ready: false,
      }),
      async (request) => {
        expect(await request.json()).toEqual({ quantity: 1 });
        return Response.json(fixed);
      },
    );
    const { user } = renderRoute('/cart', { me: aMember(), cart: 'from-network' });

    expect(await screen.findByText(/The price changed from €40.00 to/)).toHaveTextContent(
      'The price changed from €40.00 to €45.00.',
    );
    await user.click(screen.getByRole('button', { name: 'Accept new price for Wool coat' }));

    expect(await screen.findByText('€45.00 each')).toBeVisible();
    expect(screen.queryByText(/The price changed/)).not.toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain(
      'PUT /api/v1/cart/items/0190a1b2-0000-7000-8000-0000000000d1',
    );
  });

  it('changes a quantity and removes a line', async () => {
    const cart = aCart();
    const fetchMock = stubCart(cart, (request) =>
      request.method === 'DELETE'
        ? Response.json(aCart({ groups: [cart.groups[0] ?? aCartGroup()], count: 1 }))
        : Response.json(cart),
    );
    const { user } = renderRoute('/cart', { me: aMember(), cart: 'from-network' });

    const alan = await screen.findByRole('region', { name: 'From Alan Turing' });
    await user.selectOptions(within(alan).getByLabelText('Quantity'), '3');
    await user.click(within(alan).getByRole('button', { name: 'Remove Silk scarf' }));

    expect(await screen.findByRole('link', { name: 'Cart, 1 item' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'From Alan Turing' })).not.toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toEqual(
      expect.arrayContaining([
        'PUT /api/v1/cart/items/0190a1b2-0000-7000-8000-0000000000d2',
        'DELETE /api/v1/cart/items/0190a1b2-0000-7000-8000-0000000000d2',
      ]),
    );
  });

  it('shows an empty cart with the way to explore', async () => {
    stubCart({ groups: [], total: null, count: 0, checkout_ready: false });
    renderRoute('/cart', { me: aMember(), cart: 'from-network' });

    expect(await screen.findByRole('heading', { name: 'Your cart is empty' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Explore listings' })).toHaveAttribute(
      'href',
      '/explore',
    );
  });
});
