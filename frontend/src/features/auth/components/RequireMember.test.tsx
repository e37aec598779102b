import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../../../test/fetch-stub';
import { aMember, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

describe('RequireMember', () => {
  it('sends a visitor to sign in, with the way back in next', async () => {
    stubFetch(() => errorResponse(401, 'not_authenticated', 'Sign in to do this.'));
    const { router } = renderRoute('/settings/email?from=menu', { me: 'from-network' });

    expect(screen.getByText('Loading your account…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Sign in to Reloop' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe(
      '/settings/email?from=menu',
    );
  });

  it('shows the page to a member', async () => {
    renderRoute('/settings/email', { me: aMember() });

    expect(await screen.findByRole('heading', { level: 2, name: 'Email' })).toBeInTheDocument();
    expect(screen.getByText('ada@example.com')).toBeInTheDocument();
  });

  it('sends the member to sign in when their session cannot be refreshed', async () => {
    stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/auth/refresh'
        ? errorResponse(401, 'invalid_refresh_token', 'Sign in again.')
        : errorResponse(401, 'token_expired', 'Your session needs refreshing.'),
    );
    const { router } = renderRoute('/settings/sessions', { me: aMember() });

    expect(await screen.findByRole('heading', { name: 'Sign in to Reloop' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fsettings%2Fsessions');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  });
});
