import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub';
import { aMember, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

function grant() {
  return Response.json({
    access_token: 'a',
    token_type: 'bearer',
    expires_in: 900,
    csrf_token: 'c',
    refresh_token: null,
    user: aMember(),
  });
}

async function signIn(user: ReturnType<typeof renderRoute>['user']) {
  await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'analytical engine');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginPage', () => {
  it('signs in with cookies, shows the member and follows a safe next', async () => {
    const fetchMock = stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/auth/login'
        ? grant()
        : Response.json({ status: 'ok', version: 'x', checks: {} }),
    );
    const { router, user } = renderRoute('/login?next=%2Fstatus%3Ftab%3Dall');

    await signIn(user);

    expect(await screen.findByRole('heading', { name: 'System status' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/status');
    expect(router.state.location.search).toBe('?tab=all');
    expect(screen.getByRole('button', { name: 'Account menu' })).toBeInTheDocument();
    const [request] = fetchMock.mock.calls[0] ?? [];
    expect(await (request as Request).json()).toEqual({
      email: 'ada@example.com',
      password: 'analytical engine',
      transport: 'cookie',
    });
  });

  it.each(['//evil.com', '/\\evil.com', 'https://evil.com/'])(
    'goes home instead of to %s',
    async (next) => {
      stubFetch((request) =>
        new URL(request.url).pathname === '/api/v1/auth/login'
          ? grant()
          : Response.json({ items: [], next_cursor: null }),
      );
      const { router, user } = renderRoute(`/login?next=${encodeURIComponent(next)}`);

      await signIn(user);

      expect(
        await screen.findByRole('heading', { level: 1, name: 'Your feed' }),
      ).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/');
    },
  );

  it('says when the email and password do not match', async () => {
    stubFetch(() =>
      errorResponse(401, 'invalid_credentials', 'That email and password do not match an account.'),
    );
    const { user } = renderRoute('/login');

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That email and password do not match an account.',
    );
  });

  it('says how long to wait after too many attempts', async () => {
    stubFetch(() =>
      errorResponse(429, 'too_many_attempts', 'Too many failed attempts.', null, {
        'Retry-After': '125',
      }),
    );
    const { user } = renderRoute('/login');

    await signIn(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts, try again in 3 minutes.',
    );
  });

  it('links to password recovery and to sign-up', async () => {
    renderRoute('/login');

    expect(await screen.findByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/forgot-password',
    );
    expect(screen.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/signup',
    );
  });
});
