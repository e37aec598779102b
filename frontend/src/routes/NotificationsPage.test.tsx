import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../test/event-source-stub';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, aNotification, anImage, aPage } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

describe('NotificationsPage', () => {
  it('lists notifications with the unread marked, and marks them all read', async () => {
    const fetchMock = stubFetch((request) =>
      request.method === 'POST'
        ? Response.json({ count: 0 })
        : Response.json(
            aPage(
              [
                aNotification(),
                aNotification({ id: 'n-2', text: 'Alan Turing started following you', read: true }),
              ],
              'next-page',
            ),
          ),
    );
    const { user } = renderRoute('/notifications', { me: aMember() });
    act(() => {
      FakeEventSource.latest().emit('notifications', { unread: 1, notifications: [] });
    });

    const list = await screen.findByRole('list', { name: 'Your notifications' });
    const [unread, read] = within(list).getAllByRole('link') as [HTMLElement, HTMLElement];
    expect(unread).toHaveTextContent('Unread');
    expect(read).not.toHaveTextContent('Unread');
    expect(await screen.findByText('1 unread')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Load more' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    expect(await screen.findByText('You are all caught up.')).toBeVisible();
    expect(unread).not.toHaveTextContent('Unread');
    expect(requestedCalls(fetchMock)).toContain('POST /api/v1/notifications/read');
  });

  it('shows a new listing for a saved search with its cover, linking to the listing', async () => {
    const listing = { id: 'i-new', title: 'Samba trainers', cover: anImage('cover') };
    stubFetch(() =>
      Response.json(
        aPage([
          aNotification({
            id: 'n-saved',
            type: 'saved_search',
            text: 'New listing for one of your saved searches: “Samba trainers”',
            actor: null,
            item: listing,
            comment_id: null,
            link: `/items/${listing.id}`,
          }),
        ]),
      ),
    );
    renderRoute('/notifications', { me: aMember() });

    const row = await screen.findByRole('link', { name: /New listing for one of your saved/ });
    expect(row).toHaveAttribute('href', '/items/i-new');
    expect(row.querySelector('img')?.getAttribute('src')).toContain('/media/images/cover/');
  });
});
