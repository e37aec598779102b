import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

describe('AccountArea', () => {
  it('gives a member a menu with their profile, listings, likes, saves, settings and sign out', async () => {
    const { user } = renderRoute('/status-of-nothing', { me: aMember() });

    expect(screen.queryByRole('link', { name: 'Sign in' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Account menu' }));

    const menu = within(screen.getByRole('menu'));
    expect(menu.getByText('Ada Lovelace')).toBeInTheDocument();
    expect(menu.getByText('@ada')).toBeInTheDocument();
    expect(menu.getByRole('menuitem', { name: 'Your profile' })).toHaveAttribute(
      'href',
      '/members/ada',
    );
    expect(menu.getByRole('menuitem', { name: 'My listings' })).toHaveAttribute(
      'href',
      '/my/listings',
    );
    expect(menu.getByRole('menuitem', { name: 'Likes' })).toHaveAttribute('href', '/likes');
    expect(menu.getByRole('menuitem', { name: 'Saved' })).toHaveAttribute('href', '/saved');
    expect(menu.getByRole('menuitem', { name: 'Settings' })).toHaveAttribute('href', '/settings');
  });

  it('signs out, forgets the member and goes home', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 204 }));
    const { router, user } = renderRoute('/status-of-nothing', { me: aMember() });

    await user.click(screen.getByRole('button', { name: 'Account menu' }));
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

    expect(await screen.findByText('You are signed out.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(screen.getByRole('link', { name: 'Sign in' })).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain('POST /api/v1/auth/logout');
  });
});

describe('VerifyEmailBanner', () => {
  const unverified = aMember({ email_verified: false });

  it('asks an unverified member to confirm, and resends the link', async () => {
    const fetchMock = stubFetch(() => new Response(null, { status: 202 }));
    const { user } = renderRoute('/status-of-nothing', { me: unverified });

    const banner = within(screen.getByRole('complementary', { name: 'Email confirmation' }));
    expect(banner.getByText(/Confirm your email to sell, buy, comment and follow./)).toBeVisible();
    await user.click(banner.getByRole('button', { name: 'Resend the link' }));

    expect(await banner.findByText('We sent a new link to ada@example.com.')).toBeVisible();
    expect(requestedCalls(fetchMock)).toEqual(['POST /api/v1/auth/verify-email/resend']);
  });

  it('says when to try again after too many links', async () => {
    stubFetch(() =>
      errorResponse(
        429,
        'rate_limited',
        'Too many requests.',
        { retry_after_s: 3000 },
        {
          'Retry-After': '3000',
        },
      ),
    );
    const { user } = renderRoute('/status-of-nothing', { me: unverified });

    await user.click(screen.getByRole('button', { name: 'Resend the link' }));

    expect(
      await screen.findByText('A link was sent recently. Try again in 50 minutes.'),
    ).toBeVisible();
  });

  it('can be closed for the page, and comes back on the next one', async () => {
    const { router, user } = renderRoute('/status-of-nothing', { me: unverified });

    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('complementary', { name: 'Email confirmation' })).toBeNull();

    await router.navigate('/no/such/page');
    expect(
      await screen.findByRole('complementary', { name: 'Email confirmation' }),
    ).toBeInTheDocument();
  });

  it('is not shown to verified members or visitors', () => {
    renderRoute('/status-of-nothing', { me: aMember() });
    expect(screen.queryByRole('complementary', { name: 'Email confirmation' })).toBeNull();
  });
});
