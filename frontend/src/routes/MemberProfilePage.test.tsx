import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { requestedPaths, stubFetch } from '../test/fetch-stub';
import { aMember, aProfile, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

describe('MemberProfilePage', () => {
  it('shows who the member is and what they have done', async () => {
    const fetchMock = stubFetch(() => Response.json(aProfile()));
    renderRoute('/members/grace');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Grace Hopper' }),
    ).toBeInTheDocument();
    expect(requestedPaths(fetchMock)).toEqual(['/api/v1/users/grace']);
    expect(screen.getByText('@grace')).toBeInTheDocument();
    expect(screen.getByText(/Vintage computing books and/)).toBeInTheDocument();
    expect(screen.getByText('Lyon, France')).toBeInTheDocument();
    expect(screen.getByText('Joined March 2026')).toBeInTheDocument();
    expect(screen.getByText('No reviews yet')).toBeInTheDocument();
    expect(screen.getByText('Listings').nextElementSibling).toHaveTextContent('12');
    expect(screen.getByText('Follower').nextElementSibling).toHaveTextContent('1');
    expect(screen.getByText('Following').nextElementSibling).toHaveTextContent('30');
    expect(screen.queryByRole('link', { name: 'Edit profile' })).not.toBeInTheDocument();
    expect(document.title).toBe('Grace Hopper (@grace) · Reloop');
  });

  it('shows the rating once there are reviews', async () => {
    stubFetch(() => Response.json(aProfile({ rating: 4.75, review_count: 8 })));
    renderRoute('/members/grace');

    expect(await screen.findByText('4.8')).toBeInTheDocument();
    expect(screen.getByText('(8 reviews)')).toBeInTheDocument();
  });

  it('offers the member a way to edit their own profile', async () => {
    const profile = aProfile();
    stubFetch(() => Response.json(profile));
    renderRoute('/members/grace', { me: aMember({ id: profile.id, username: 'grace' }) });

    expect(await screen.findByRole('link', { name: 'Edit profile' })).toHaveAttribute(
      'href',
      '/settings',
    );
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
