import { screen, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { aCart, anOrder } from '../../../test/commerce-fixtures';
import { stubFetch } from '../../../test/fetch-stub';
import { aMember, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';
import type { CheckoutResult, OrderDetail } from '../api/types';

type Responder = (request: Request) => Response | Promise<Response>;

/** Checkout is a lazy page: its code may take a moment to load on a busy machine. */
const LAZY = { timeout: 5000 };

const ORDER_IDS = ['0190a1b2-0000-7000-8000-0000000000e1', '0190a1b2-0000-7000-8000-0000000000e2'];

/** The cart, the orders by id, and `post` for every write. */
function stubCheckout(post: Responder, orders: Record<string, () => OrderDetail> = {}) {
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (request.method === 'GET' && pathname === '/api/v1/cart') return Response.json(aCart());
    const orderId = /^\/api\/v1\/orders\/([^/]+)$/.exec(pathname)?.[1];
    const order = orderId ? orders[orderId] : undefined;
    if (request.method === 'GET' && order) return Response.json(order());
    if (request.method === 'GET') return new Response(null, { status: 404 });
    return post(request);
  });
}

function checkoutResult(status: CheckoutResult['payment']['status']): CheckoutResult {
  const total = { amount: 9000, currency: 'EUR' };
  return {
    id: 'co-1',
    orders: ORDER_IDS.map((id) => anOrder({ id })),
    payment: { id: 'pay-1', status, amount: total, failure: null },
    reserved_until: new Date(Date.now() + 15 * 60_000).toISOString(),
    totals: { items: total, shipping: total, fees: total, total },
  };
}

async function fillAddress(user: UserEvent) {
  await user.type(await screen.findByLabelText('Street and number', {}, LAZY), '12 rue de la Paix');
  await user.type(screen.getByLabelText('Postal code'), '69001');
  await user.type(screen.getByLabelText('Town or city'), 'Lyon');
  await user.selectOptions(screen.getByLabelText('Country'), 'FR');
}

async function pay(user: UserEvent, card: string) {
  const field = screen.getByLabelText('Card number');
  await user.clear(field);
  await user.type(field, card);
  await user.click(screen.getByRole('button', { name: /^Pay/ }));
}

const checkoutPosts = (mock: ReturnType<typeof stubFetch>) =>
  mock.mock.calls
    .map(([input]) => input as Request)
    .filter((request) => new URL(request.url).pathname === '/api/v1/checkout');

describe('Checkout', () => {
  it('prices each order with its buyer protection before the buyer pays', async () => {
    stubCheckout(() => new Response(null, { status: 500 }));
    renderRoute('/checkout', { me: aMember(), cart: 'from-network' });

    const grace = await screen.findByRole('article', { name: 'Order from Grace Hopper' }, LAZY);
    expect(within(grace).getByText('Buyer protection').nextSibling).toHaveTextContent('€2.70');
    expect(within(grace).getByText('Subtotal').nextSibling).toHaveTextContent('€46.69');
    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(within(summary).getByText('Total').nextSibling).toHaveTextContent('€82.88');
  });

  it('shows each missing field and sends nothing', async () => {
    const fetchMock = stubCheckout(() => new Response(null, { status: 500 }));
    const { user } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });

    await user.click(await screen.findByRole('button', { name: 'Pay and place 2 orders' }, LAZY));

    expect(await screen.findByText('Enter the street and number.')).toBeVisible();
    expect(screen.getByLabelText('Postal code')).toHaveAccessibleDescription(
      'Enter the postal code.',
    );
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Choose the country.');
    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription(
      'Enter a card number.',
    );
    expect(screen.getByLabelText('Street and number')).toHaveFocus();
    expect(checkoutPosts(fetchMock)).toHaveLength(0);
  });

  it('reuses the Idempotency-Key when the same payment is resent after a network error', async () => {
    let attempts = 0;
    const fetchMock = stubCheckout(() => {
      attempts += 1;
      if (attempts <= 2) throw new TypeError('Failed to fetch');
      return errorResponse(402, 'payment_declined', 'Your card was declined.', {
        reason: 'card_declined',
        order_ids: ORDER_IDS,
        reserved_until: new Date(Date.now() + 60_000).toISOString(),
      });
    });
    const { user } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });
    await fillAddress(user);

    await pay(user, '4242 4242 4242 4242');
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Reloop.');
    await pay(user, '4242 4242 4242 4242');
    await screen.findByText(/could not reach/);
    await pay(user, '4000 0000 0000 0002');
    expect(await screen.findByText(/Your payment was declined/)).toBeVisible();

    const posts = checkoutPosts(fetchMock);
    const [first, second, third] = posts.map((request) => request.headers.get('Idempotency-Key'));
    expect(posts).toHaveLength(3);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
    expect(await posts[0]?.json()).toMatchObject({
      lines: [
        { item_id: '0190a1b2-0000-7000-8000-0000000000d1', quantity: 1 },
        { item_id: '0190a1b2-0000-7000-8000-0000000000d2', quantity: 2 },
      ],
      shipping_address: { name: 'Ada Lovelace', postal_code: '69001', country_code: 'FR' },
      payment_method: '4242424242424242',
    });
  });

  it('offers another card after a decline and pays the held orders with it', async () => {
    let paid = false;
    const fetchMock = stubCheckout(
      (request) => {
        if (new URL(request.url).pathname === '/api/v1/checkout') {
          return errorResponse(402, 'insufficient_funds', 'Insufficient funds.', {
            reason: 'insufficient_funds',
            checkout_id: 'co-1',
            order_ids: ORDER_IDS,
            reserved_until: new Date(Date.now() + 14 * 60_000 + 30_000).toISOString(),
          });
        }
        paid = true;
        return Response.json(anOrder({ id: ORDER_IDS[0] }));
      },
      Object.fromEntries(
        ORDER_IDS.map((id) => [
          id,
          () => anOrder({ id, status: paid ? 'paid' : 'pending_payment' }),
        ]),
      ),
    );
    const { user, router } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });
    await fillAddress(user);
    await pay(user, '4000 0000 0000 9995');

    expect(await screen.findByText('Your payment was declined: Insufficient funds.')).toBeVisible();
    expect(screen.getByRole('timer')).toHaveTextContent(/^14:(2|3)\d$/);
    await user.click(screen.getByRole('button', { name: 'Use 4242 4242 4242 4242' }));
    await user.click(screen.getByRole('button', { name: 'Pay now' }));

    expect(await screen.findByRole('heading', { name: 'Thank you for your order' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/checkout/complete');
    const payRequest = fetchMock.mock.calls
      .map(([input]) => input as Request)
      .find((request) => request.url.endsWith('/pay'));
    expect(new URL(payRequest?.url ?? '').pathname).toBe(`/api/v1/orders/${ORDER_IDS[0]}/pay`);
    expect(payRequest?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await payRequest?.json()).toEqual({ payment_method: '4242424242424242' });
  });

  it('sends the buyer back to the cart with the reason when a price changed', async () => {
    stubCheckout(() =>
      errorResponse(409, 'price_changed', 'The price of “Wool coat” changed.', {
        item_id: 'x',
        current_price: { amount: 4500, currency: 'EUR' },
      }),
    );
    const { user, router } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });
    await fillAddress(user);
    await pay(user, '4242424242424242');

    expect(await screen.findByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
    expect(router.state.location.pathname).toBe('/cart');
    expect(screen.getByRole('alert')).toHaveTextContent('The price of “Wool coat” changed.');
  });

  it('puts the server’s field errors next to their fields', async () => {
    stubCheckout(() =>
      errorResponse(422, 'validation_failed', 'Check the highlighted fields.', {
        fields: [
          { field: 'shipping_address.postal_code', message: 'Not a postal code in France.' },
        ],
      }),
    );
    const { user } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });
    await fillAddress(user);
    await pay(user, '4242424242424242');

    expect(await screen.findByText('Not a postal code in France.')).toBeVisible();
    expect(screen.getByLabelText('Postal code')).toHaveFocus();
  });

  it('confirms a slow payment by asking about the orders until they are paid', async () => {
    let asked = 0;
    const order = (id: string) => () => {
      asked += 1;
      return asked <= 2
        ? anOrder({
            id,
            status: 'pending_payment',
            payment: { id: 'pay-1', status: 'processing', amount: anOrder().total, failure: null },
          })
        : anOrder({ id });
    };
    stubCheckout(() => Response.json(checkoutResult('processing'), { status: 201 }), {
      [ORDER_IDS[0] ?? '']: order(ORDER_IDS[0] ?? ''),
      [ORDER_IDS[1] ?? '']: order(ORDER_IDS[1] ?? ''),
    });
    const { user } = renderRoute('/checkout', { me: aMember(), cart: 'from-network' });
    await fillAddress(user);
    await pay(user, '4000 0000 0000 0259');

    expect(await screen.findByRole('heading', { name: 'Confirming payment…' })).toBeVisible();
    expect(
      await screen.findByRole('heading', { name: 'Thank you for your order' }, { timeout: 5000 }),
    ).toBeVisible();
    expect(screen.getAllByRole('link', { name: 'View order from Grace Hopper' })).toHaveLength(2);
    const [first] = within(screen.getByRole('list', { name: 'Your new orders' })).getAllByRole(
      'listitem',
      { name: '' },
    );
    expect(first).toHaveTextContent('Buyer protection€2.70');
    expect(first).toHaveTextContent('Total€46.69');
  });
});
