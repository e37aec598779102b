import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedPaths, stubFetch } from '../test/fetch-stub';
import { aReview } from '../test/commerce-fixtures';
import { aMember, anImage, anItemCard, aProfile, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

const noListings = { items: [], next_cursor: null };

/** The profile, the member's listings page and the reviews of them. */
function stubProfile(
  profile = aProfile(),
  listings: object = noListings,
  reviews: object = noListings,
) {
  return stubFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname.endsWith('/items')) return Response.json(listings);
    if (pathname.endsWith('/reviews')) return Response.json(reviews);
    return Response.json(profile);
  });
}

describe('MemberProfilePage', () => {
  it('shows who the member is and what they have done', async () => {
    const fetchMock = stubProfile();
    renderRoute('/members/grace');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' }),
    ).toBeInTheDocument();
    expect(await screen.findByText('Nothing for sale yet')).toBeVisible();
    expect(
      await screen.findByText('Buyers review Grace Hopper once an order is complete.'),
    ).toBeVisible();
    expect(requestedPaths(fetchMock)).toEqual([
      '/api/v1/users/grace',
      '/api/v1/users/grace/items',
      '/api/v1/users/grace/reviews',
    ]);
    expect(screen.getByRole('heading', { level: 1 }).nextElementSibling).toHaveTextContent(
      '@grace',
    );
    expect(screen.getByText(/Vintage computing books and/)).toBeInTheDocument();
    expect(screen.getByText('Lyon, France')).toBeInTheDocument();
    expect(screen.getByText('Joined March 2026')).toBeInTheDocument();
    expect(screen.getByText('No reviews yet')).toBeInTheDocument();
    expect(screen.getByText('Listings', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      '12',
    );
    expect(screen.getByText('Follower').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Following').nextElementSibling).toHaveTextContent('30');
    expect(screen.queryByRole('link', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(document.title).toBe('Grace Hopper (@grace) · Reloop');
  });

  it('shows the rating once there are reviews', async () => {
    stubProfile(aProfile({ rating: 4.75, review_count: 8 }));
    renderRoute('/members/grace');

    expect(await screen.findByText('4.8')).toBeInTheDocument();
    expect(screen.getByText('(8 reviews)')).toBeInTheDocument();
  });

  it('lists what buyers said, with the seller’s reply', async () => {
    stubProfile(aProfile({ rating: 5, review_count: 1 }), noListings, {
      items: [aReview({ reply: 'Thanks, Ada!' })],
      next_cursor: null,
    });
    renderRoute('/members/grace');

    const reviews = await screen.findByRole('list', { name: 'Reviews of Grace Hopper' });
    expect(within(reviews).getByRole('img', { name: '5 out of 5 stars' })).toBeVisible();
    expect(reviews).toHaveTextContent('Ada Lovelace');
    expect(reviews).toHaveTextContent('Lovely coat, quick to ship.');
    expect(reviews).toHaveTextContent('Reply from Grace HopperThanks, Ada!');
  });

  it('offers the member a way to edit their own profile and to sell', async () => {
    const profile = aProfile();
    stubProfile(profile);
    renderRoute('/members/grace', { me: aMember({ id: profile.id, username: 'grace' }) });

    expect(await screen.findByRole('link', { name: 'Edit profile' })).toHaveAttribute(
      'href',
      '/settings',
    );
    expect(await screen.findByText('You have nothing for sale yet')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Sell an item' })).toHaveAttribute('href', '/sell');
  });

  it("lists the member's listings with the card of each", async () => {
    stubProfile(aProfile(), {
      items: [
        anItemCard({ id: 'i-1', title: 'Linen shirt' }),
        anItemCard({ id: 'i-2', title: 'Wool scarf', status: 'sold' }),
      ],
      next_cursor: null,
    });
    renderRoute('/members/grace');

    const grid = await screen.findByRole('list', { name: 'Listings by @grace' });
    expect(within(grid).getAllByRole('listitem')).toHaveLength(2);
    expect(within(grid).getByRole('link', { name: 'Wool scarf' })).toHaveAttribute(
      'href',
      '/items/i-2',
    );
    expect(within(grid).getByText('Sold')).toBeVisible();
  });

  it('shows the photo the member uploaded', async () => {
    stubProfile(aProfile({ avatar: anImage('avatar') }));
    const { container } = renderRoute('/members/grace');

    await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' });
    expect(container.querySelector('img[src*="/avatar/"]')).toBeInTheDocument();
  });

  it('shows the 404 page for an unknown member', async () => {
    stubFetch(() => errorResponse(404, 'member_not_found', 'No member with this username.'));
    renderRoute('/members/nobody');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Reloop');
  });
});
