import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
// The DOM RouterProvider, as in App: it is the one that supports `flushSync` navigations.
import { RouterProvider } from 'react-router/dom';
import { createQueryClient } from '../app/query-client';
import { routes } from '../app/routes';
import { type Me, meQueryKey } from '../features/auth/api/me';
import { cartQueryKey } from '../features/commerce/api/cart';

interface RenderRouteOptions {
  /**
   * Who is signed in, preset in `['me']` so no test has to answer GET /me: a member, null
   * for a visitor (the default), or 'from-network' to let the page fetch it.
   */
  me?: Me | null | 'from-network';
  /** Wrap in StrictMode, to check that effects survive React running them twice. */
  strict?: boolean;
  /**
   * The header reads a member's cart on every page; it is preset empty so that only the
   * tests about the cart have to answer GET /cart, which they ask for with 'from-network'.
   */
  cart?: 'empty' | 'from-network';
}

/**
 * The app's query client with `me` preset (see `RenderRouteOptions`). Retries are off so
 * a failing request shows its error state at once; the retry policy has its own test.
 */
export function createTestQueryClient(
  me: Me | null | 'from-network' = null,
  cart: 'empty' | 'from-network' = 'empty',
): QueryClient {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  if (me !== 'from-network') queryClient.setQueryData(meQueryKey, me);
  if (cart === 'empty') {
    queryClient.setQueryData(cartQueryKey, {
      groups: [],
      total: null,
      count: 0,
      checkout_ready: false,
    });
  }
  return queryClient;
}

/** Renders the real route tree at `path` with the app's providers. */
export function renderRoute(
  path: string,
  { me = null, strict = false, cart = 'empty' }: RenderRouteOptions = {},
) {
  const queryClient = createTestQueryClient(me, cart);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const app = (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { ...view, router, user, queryClient };
}
