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

interface RenderRouteOptions {
  /**
   * Who is signed in, preset in `['me']` so no test has to answer GET /me: a member, null
   * for a visitor (the default), or 'from-network' to let the page fetch it.
   */
  me?: Me | null | 'from-network';
  /** Wrap in StrictMode, to check that effects survive React running them twice. */
  strict?: boolean;
}

/**
 * The app's query client with `me` preset (see `RenderRouteOptions`). Retries are off so
 * a failing request shows its error state at once; the retry policy has its own test.
 */
export function createTestQueryClient(me: Me | null | 'from-network' = null): QueryClient {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  if (me !== 'from-network') queryClient.setQueryData(meQueryKey, me);
  return queryClient;
}

/** Renders the real route tree at `path` with the app's providers. */
export function renderRoute(path: string, { me = null, strict = false }: RenderRouteOptions = {}) {
  const queryClient = createTestQueryClient(me);
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
