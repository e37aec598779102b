import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedPaths, stubFetch } from '../../../test/fetch-stub';
import { aMember, anItemCard, aPage } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

describe('HomeFeed', () => {
  it('shows a member their feed, each listing saying why it is there', async () => {
    const fetchMock = stubFetch(() =>
      Response.json(
        aPage([
          anItemCard({ id: 'i-1', title: 'Wool coat', reason: 'following' }),
          anItemCard({ id: 'i-2', title: 'Desk lamp', reason: 'popular' }),
        ]),
      ),
    );
    renderRoute('/', { me: aMember() });

    const feed = await screen.findByRole('list', { name: 'Your feed' });
    const [coat, lamp] = within(feed).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(coat).toHaveTextContent('From a seller you follow');
    expect(lamp).toHaveTextContent('Popular');
    expect(screen.queryByText(/Follow sellers whose taste you like/)).not.toBeInTheDocument();
    expect(requestedPaths(fetchMock)).toEqual(['/api/v1/feed']);
    expect(screen.queryByRole('heading', { name: /second life/ })).not.toBeInTheDocument();
  });

  it('hints to follow sellers when nothing comes from followed ones', async () => {
    stubFetch(() => Response.json(aPage([anItemCard({ reason: 'popular' })])));
    renderRoute('/', { me: aMember() });

    const hint = await screen.findByText(/Follow sellers whose taste you like/);
    expect(within(hint).getByRole('link', { name: 'Explore' })).toHaveAttribute('href', '/explore');
  });
});
