import { render, screen } from '@testing-library/react';
import { createMemoryRouter, data, RouterProvider } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../lib/api-error';
import { ErrorPage } from './ErrorPage';

// React 18 reports render errors twice, on the console and as a window error event that
// jsdom prints; both are expected here, and the page under test is what matters.
function silenceUncaught(event: ErrorEvent) {
  event.preventDefault();
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  window.addEventListener('error', silenceUncaught);
  return () => {
    window.removeEventListener('error', silenceUncaught);
  };
});

function renderFailingRoute(error: unknown) {
  function Boom(): never {
    throw error;
  }
  const router = createMemoryRouter([
    { path: '/', element: <Boom />, errorElement: <ErrorPage standalone /> },
  ]);
  render(<RouterProvider router={router} />);
}

describe('ErrorPage', () => {
  it('shows a friendly page with a retry button and no internals', () => {
    renderFailingRoute(new Error('secret stack detail at db.py:42'));

    expect(
      screen.getByRole('heading', { level: 1, name: 'Something went wrong' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
    expect(document.body).not.toHaveTextContent(/secret stack detail|db\.py/);
  });

  it('shows the request id of an API error so support can find it', () => {
    renderFailingRoute(
      new ApiError({
        status: 500,
        code: 'internal',
        message: 'x',
        details: null,
        requestId: 'r-1',
      }),
    );

    expect(screen.getByText('Reference: r-1')).toBeInTheDocument();
  });

  it('renders the 404 page when a loader throws a 404 response', async () => {
    const router = createMemoryRouter([
      {
        path: '/',
        loader: () => {
          throw data(null, { status: 404 });
        },
        element: null,
        errorElement: <ErrorPage standalone />,
      },
    ]);
    render(<RouterProvider router={router} />);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Reloop');
  });
});
