import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, aPage, aProfile, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

const grace = aProfile({
  counts: { listings: 12, followers: 1, following: 30 },
  viewer: { following: false, follows_you: true, muted: false },
});

/** Grace's profile and (no) listings; `write` answers anything but a read. */
function stubProfile(write: (request: Request) => Response | Promise<Response>) {
  return stubFetch((request) => {
    if (request.method !== 'GET') return write(request);
    const { pathname } = new URL(request.url);
    return pathname === '/api/v1/users/grace' ? Response.json(grace) : Response.json(aPage([]));
  });
}

describe('Profile actions', () => {
  it('follow at once, then show the count the server gave', async () => {
    let answer: (response: Response) => void = () => undefined;
    const fetchMock = stubProfile(
      () =>
        new Promise<Response>((resolve) => {
          answer = resolve;
        }),
    );
    const { user } = renderRoute('/members/grace', { me: aMember() });

    const follow = await screen.findByRole('button', { name: 'Follow @grace' });
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByText('Follows you')).toBeVisible();
    await user.click(follow);

    expect(follow).toHaveAttribute('aria-pressed', 'true');
    expect(follow).toHaveAccessibleName('Following @grace');
    expect(screen.getByRole('link', { name: '2 followers' })).toHaveAttribute(
      'href',
      '/members/grace/followers',
    );

    answer(Response.json({ following: true, follower_count: 5 }));
    expect(await screen.findByRole('link', { name: '5 followers' })).toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain('PUT /api/v1/users/grace/follow');
  });

  it('go back to Follow and say why when a block prevents following', async () => {
    stubProfile(() =>
      errorResponse(403, 'member_blocked', 'A block between you and this member prevents this.'),
    );
    const { user } = renderRoute('/members/grace', { me: aMember() });

    const follow = await screen.findByRole('button', { name: 'Follow @grace' });
    await user.click(follow);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You are not following @grace. A block between you and this member prevents this.',
    );
    expect(follow).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('link', { name: '1 follower' })).toBeInTheDocument();
  });

  it('send a visitor who follows to sign in, with no menu', async () => {
    stubProfile(() => new Response(null, { status: 500 }));
    const { router, user } = renderRoute('/members/grace');

    await user.click(await screen.findByRole('button', { name: 'Follow @grace' }));

    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/members/grace');
  });

  it('offer neither follow nor menu on your own profile', async () => {
    stubProfile(() => new Response(null, { status: 500 }));
    renderRoute('/members/grace', { me: aMember({ id: grace.id, username: 'grace' }) });

    expect(await screen.findByRole('link', { name: 'Edit profile' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Follow/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /More options/ })).not.toBeInTheDocument();
  });

  it('mute after saying what muting does', async () => {
    const fetchMock = stubProfile(() => new Response(null, { status: 204 }));
    const { user } = renderRoute('/members/grace', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'More options for @grace' }));
    await user.click(screen.getByRole('menuitem', { name: 'Mute @grace' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Mute @grace?' }));
    expect(dialog.getByText(/Their listings stop showing in your feed/)).toBeVisible();
    await user.click(dialog.getByRole('button', { name: 'Mute' }));

    expect(await screen.findByText(/You muted @grace/)).toBeVisible();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain('PUT /api/v1/users/grace/mute');
    await user.click(screen.getByRole('button', { name: 'More options for @grace' }));
    expect(screen.getByRole('menuitem', { name: 'Unmute @grace' })).toBeInTheDocument();
  });

  it('block after confirming, and leave the profile it hides', async () => {
    const fetchMock = stubProfile(() => new Response(null, { status: 204 }));
    const { router, user } = renderRoute('/members/grace', { me: aMember() });

    await user.click(await screen.findByRole('button', { name: 'More options for @grace' }));
    await user.click(screen.getByRole('menuitem', { name: 'Block @grace' }));
    const dialog = within(screen.getByRole('dialog', { name: 'Block @grace?' }));
    await user.click(dialog.getByRole('button', { name: 'Block' }));

    expect(
      await screen.findByText('You blocked @grace. You can unblock them in Settings.'),
    ).toBeVisible();
    expect(router.state.location.pathname).toBe('/');
    expect(requestedCalls(fetchMock)).toContain('PUT /api/v1/users/grace/block');
    await waitFor(() => {
      expect(screen.queryByRole('heading', { name: 'Grace Hopper' })).not.toBeInTheDocument();
    });
  });
});
