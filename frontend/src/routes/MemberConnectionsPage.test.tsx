import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, aMemberCard, aPage, aProfile } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

describe('MemberConnectionsPage', () => {
  it('lists followers with a Follow button for everyone but yourself', async () => {
    const me = aMember();
    const fetchMock = stubFetch((request) => {
      const { pathname } = new URL(request.url);
      if (request.method === 'PUT') return Response.json({ following: true, follower_count: 1 });
      if (pathname === '/api/v1/users/grace/followers') {
        return Response.json(
          aPage([
            aMemberCard(),
            aMemberCard({ id: me.id, username: me.username, display_name: me.display_name }),
          ]),
        );
      }
      return Response.json(aProfile());
    });
    const { user } = renderRoute('/members/grace/followers', { me });

    const list = await screen.findByRole('list', { name: 'Followers of @grace' });
    expect(screen.getByRole('heading', { level: 1, name: 'Followers' })).toBeVisible();
    const [alan, ada] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(alan).getByRole('link', { name: /Alan Turing/ })).toHaveAttribute(
      'href',
      '/members/alan',
    );
    expect(within(ada).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(alan).getByRole('button', { name: 'Follow @alan' }));

    expect(within(alan).getByRole('button', { name: 'Following @alan' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(requestedCalls(fetchMock)).toContain('PUT /api/v1/users/alan/follow');
  });
});
