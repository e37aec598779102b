import type {
  Cart,
  CartGroup,
  CartLine,
  OrderDetail,
  Review,
} from '../features/commerce/api/types';

const EUR = (amount: number) => ({ amount, currency: 'EUR' });

export const grace = {
  id: '0190a1b2-0000-7000-8000-000000000002',
  username: 'grace',
  display_name: 'Grace Hopper',
};

export const alan = {
  id: '0190a1b2-0000-7000-8000-000000000003',
  username: 'alan',
  display_name: 'Alan Turing',
};

export function aCartLine(overrides: Partial<CartLine> = {}): CartLine {
  return {
    item: {
      id: '0190a1b2-0000-7000-8000-0000000000d1',
      title: 'Wool coat',
      cover: null,
      status: 'active',
      available: 1,
      price: EUR(4000),
      reserved_until: null,
    },
    quantity: 1,
    unit_price: EUR(4000),
    line_total: EUR(4000),
    problem: null,
    ...overrides,
  };
}

export function aCartGroup(overrides: Partial<CartGroup> = {}): CartGroup {
  return {
    seller: grace,
    lines: [aCartLine()],
    items_total: EUR(4000),
    shipping: EUR(399),
    fee: EUR(270),
    total: EUR(4669),
    checkout_ready: true,
    ...overrides,
  };
}

/** Two sellers: Grace's coat and Alan's two scarves. */
export function aCart(overrides: Partial<Cart> = {}): Cart {
  return {
    groups: [
      aCartGroup(),
      aCartGroup({
        seller: alan,
        lines: [
          aCartLine({
            item: {
              id: '0190a1b2-0000-7000-8000-0000000000d2',
              title: 'Silk scarf',
              cover: null,
              status: 'active',
              available: 3,
              price: EUR(1500),
              reserved_until: null,
            },
            quantity: 2,
            unit_price: EUR(1500),
            line_total: EUR(3000),
          }),
        ],
        items_total: EUR(3000),
        fee: EUR(220),
        total: EUR(3619),
      }),
    ],
    total: EUR(8288),
    count: 2,
    checkout_ready: true,
    ...overrides,
  };
}

export function aReview(overrides: Partial<Review> = {}): Review {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000f1',
    order_id: '0190a1b2-0000-7000-8000-0000000000e1',
    rating: 5,
    text: 'Lovely coat, quick to ship.',
    reply: null,
    replied_at: null,
    created_at: '2026-11-24T09:00:00Z',
    buyer: {
      id: '0190a1b2-0000-7000-8000-000000000001',
      username: 'ada',
      display_name: 'Ada Lovelace',
    },
    ...overrides,
  };
}

/** Ada's order of Grace's coat, seen by Ada, paid. */
export function anOrder(overrides: Partial<OrderDetail> = {}): OrderDetail {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000e1',
    status: 'paid',
    role: 'buyer',
    counterpart: grace,
    items: [
      {
        item_id: '0190a1b2-0000-7000-8000-0000000000d1',
        title: 'Wool coat',
        quantity: 1,
        unit_price: EUR(4000),
        cover: null,
      },
    ],
    total: EUR(4669),
    created_at: '2026-11-24T08:00:00Z',
    reserved_until: null,
    buyer: {
      id: '0190a1b2-0000-7000-8000-000000000001',
      username: 'ada',
      display_name: 'Ada Lovelace',
    },
    seller: grace,
    amounts: { items: EUR(4000), shipping: EUR(399), fee: EUR(270), total: EUR(4669) },
    shipping_address: {
      name: 'Ada Lovelace',
      line1: '12 rue de la Paix',
      line2: null,
      postal_code: '69001',
      city: 'Lyon',
      country_code: 'FR',
    },
    carrier: null,
    tracking_number: null,
    timeline: [
      { type: 'pending_payment', actor: 'buyer', created_at: '2026-11-24T08:00:00Z', details: {} },
      { type: 'paid', actor: 'system', created_at: '2026-11-24T08:00:05Z', details: {} },
    ],
    actions: [],
    payment: { id: 'pay-1', status: 'succeeded', amount: EUR(4669), failure: null },
    review: null,
    deadlines: {},
    ...overrides,
  };
}
