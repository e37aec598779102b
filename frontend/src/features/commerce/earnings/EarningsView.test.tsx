import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { Earnings, LedgerLine } from '../api/types';

function aLine(overrides: Partial<LedgerLine>): LedgerLine {
  return {
    id: 'l-1',
    order_id: 'o-1',
    kind: 'capture',
    bucket: 'pending',
    amount: 4399,
    currency: 'EUR',
    created_at: new Date().toISOString(),
    ...overrides,
  };
}

const balances: Earnings['balances'] = [
  {
    currency: 'EUR',
    pending: { amount: 4399, currency: 'EUR' },
    available: { amount: 2399, currency: 'EUR' },
  },
];

describe('Earnings', () => {
  it('shows each balance and the ledger lines, a page at a time', async () => {
    const fetchMock = stubFetch((request) => {
      const cursor = new URL(request.url).searchParams.get('cursor');
      const page: Earnings = cursor
        ? { balances, entries: { items: [aLine({ id: 'l-3', kind: 'refund', amount: -1000 })] } }
        : {
            balances,
            entries: {
              items: [
                aLine({ id: 'l-1' }),
                aLine({ id: 'l-2', kind: 'completion', bucket: 'available', amount: 2399 }),
              ],
              next_cursor: 'next',
            },
          };
      return Response.json(page);
    });
    const { user } = renderRoute('/earnings', { me: aMember() });

    const list = await screen.findByRole('list', { name: 'Balances by currency' });
    const balance = within(list).getByRole('listitem');
    expect(balance).toHaveTextContent('EUR');
    expect(within(balance).getByText('Available').nextSibling).toHaveTextContent('€23.99');
    expect(within(balance).getByText('Pending').nextSibling).toHaveTextContent('€43.99');
    const rows = screen.getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Sale paid, held until the buyer confirms');
    expect(rows[1]).toHaveTextContent('+€43.99');
    expect(rows[2]).toHaveTextContent('Order completed · OrderAvailable+€23.99');
    expect(within(rows[1] ?? document.body).getByRole('link', { name: 'Order' })).toHaveAttribute(
      'href',
      '/orders/o-1',
    );

    await user.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByText(/Refunded to the buyer/)).toBeVisible();
    expect(screen.getAllByRole('row')[3]).toHaveTextContent('-€10.00');
    expect(requestedCalls(fetchMock)).toEqual([
      'GET /api/v1/me/earnings',
      'GET /api/v1/me/earnings',
    ]);
  });

  it('explains where earnings come from before the first sale', async () => {
    stubFetch(() => Response.json({ balances: [], entries: { items: [], next_cursor: null } }));
    renderRoute('/earnings', { me: aMember() });

    expect(await screen.findByRole('heading', { name: 'No earnings yet' })).toBeVisible();
  });
});
