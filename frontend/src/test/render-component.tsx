import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { ToastProvider } from '../components/layout/ToastProvider';
import type { Me } from '../features/auth/api/me';
import { createTestQueryClient } from './render-route';

interface RenderComponentOptions {
  /** Who is signed in: a member, or null for a visitor (the default). */
  me?: Me | null;
  /** The URL the component is shown at. */
  path?: string;
}

/**
 * Renders one component with what the layout gives every page (queries, router, toasts),
 * but without the route tree, for tests that set up the cache themselves.
 */
export function renderComponent(
  ui: ReactNode,
  { me = null, path = '/' }: RenderComponentOptions = {},
) {
  const queryClient = createTestQueryClient(me);
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <ToastProvider>{ui}</ToastProvider>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, queryClient, user };
}
