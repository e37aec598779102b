import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anOrder } from '../../../test/commerce-fixtures';
import { stubFetch } from '../../../test/fetch-stub';
import { aMember } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

describe('My orders', () => {
  it('lists bought orders with their status, and sold ones on their tab in the URL', async () => {
    const fetchMock = stubFetch((request) => {
      const role = new URL(request.url).searchParams.get('role');
      const order =
        role === 'seller'
          ? anOrder({ id: 'o-sold', role: 'seller', counterpart: anOrder().buyer, status: 'paid' })
          : anOrder({ id: 'o-bought', status: 'shipped' });
      return Response.json({ items: [order], next_cursor: null });
    });
    const { user, router } = renderRoute('/orders', { me: aMember() });

    const bought = await screen.findByRole('list', { name: 'Orders you placed' });
    const row = within(bought).getByRole('listitem');
    expect(within(row).getByRole('link', { name: 'Wool coat' })).toHaveAttribute(
      'href',
      '/orders/o-bought',
    );
    expect(row).toHaveTextContent('From Grace Hopper');
    expect(row).toHaveTextContent('Shipped');
    expect(row).toHaveTextContent('€46.69');

    await user.click(screen.getByRole('tab', { name: 'Sold' }));

    const sold = await screen.findByRole('list', { name: 'Orders you received' });
    expect(within(sold).getByRole('listitem')).toHaveTextContent('To Ada Lovelace');
    expect(within(sold).getByRole('listitem')).toHaveTextContent('Paid');
    expect(router.state.location.search).toBe('?tab=sold');
    const roles = fetchMock.mock.calls.map(([input]) =>
      new URL((input as Request).url).searchParams.get('role'),
    );
    expect(roles).toEqual(['buyer', 'seller']);
  });
});
