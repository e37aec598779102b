import type { OrderDetail } from '../features/commerce/api/types';
import { stubFetch } from './fetch-stub';

type Responder = (request: Request) => Response | Promise<Response>;

export const ORDER_PATH = '/api/v1/orders/0190a1b2-0000-7000-8000-0000000000e1';

/**
 * The order, and `write` for every change; `changed` is what the order reads as after a
 * write, as the server would answer the refetch.
 */
export function stubOrder(
  order: OrderDetail,
  write: Responder = () => Response.json(order),
  changed: OrderDetail = order,
) {
  let current = order;
  return stubFetch((request) => {
    if (request.method !== 'GET') {
      current = changed;
      return write(request);
    }
    if (new URL(request.url).pathname === ORDER_PATH) return Response.json(current);
    return new Response(null, { status: 404 });
  });
}
