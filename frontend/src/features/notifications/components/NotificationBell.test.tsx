import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../../test/event-source-stub';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, aNotification, anItem, aPage } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

/** The server's stream for this page, opened and sending its first event. */
function streamSays(unread: number, notifications = [aNotification()]) {
  act(() => {
    const stream = FakeEventSource.latest();
    if (stream.readyState !== FakeEventSource.OPEN) stream.open();
    stream.emit('notifications', { unread, notifications });
  });
}

describe('NotificationBell', () => {
  it('shows the unread count the live stream sends, as it changes', async () => {
    renderRoute('/status-of-nothing', { me: aMember() });

    expect(FakeEventSource.latest()).toMatchObject({
      url: '/api/v1/notifications/stream',
      withCredentials: true,
    });
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    expect(screen.queryByTestId('unread-count')).not.toBeInTheDocument();

    streamSays(3);
    expect(
      await screen.findByRole('button', { name: 'Notifications, 3 unread' }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('unread-count')).toHaveTextContent('3');

    streamSays(4);
    await waitFor(() => {
      expect(screen.getByTestId('unread-count')).toHaveTextContent('4');
    });
  });

  it('is not there for visitors, who have no stream', () => {
    renderRoute('/status-of-nothing');

    expect(screen.queryByRole('button', { name: /Notifications/ })).not.toBeInTheDocument();
    expect(FakeEventSource.instances).toHaveLength(0);
  });

  it('lists the latest; opening one marks it read and goes where it points', async () => {
    const unread = aNotification();
    const older = aNotification({
      id: 'n-old',
      type: 'follow',
      text: 'Alan Turing started following you',
      link: '/members/alan',
      read: true,
    });
    const fetchMock = stubFetch((request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/notifications') return Response.json(aPage([unread, older]));
      if (pathname === '/api/v1/notifications/read') return Response.json({ count: 0 });
      if (pathname.endsWith('/comments')) return Response.json(aPage([]));
      return Response.json(anItem());
    });
    const { router, user } = renderRoute('/status-of-nothing', { me: aMember() });
    streamSays(1, []);

    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const row = await screen.findByRole('link', { name: /Grace Hopper commented/ });
    expect(row).toHaveTextContent('Unread');
    expect(screen.getByRole('link', { name: /Alan Turing started/ })).not.toHaveTextContent(
      'Unread',
    );
    expect(screen.getByRole('link', { name: 'See all notifications' })).toHaveAttribute(
      'href',
      '/notifications',
    );
    await user.click(row);

    expect(router.state.location.pathname).toBe(`/items/${anItem().id}`);
    expect(router.state.location.hash).toBe('#comments');
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
    const markRead = fetchMock.mock.calls
      .map(([request]) => request as Request)
      .find((request) => request.method === 'POST');
    expect(await markRead?.json()).toEqual({ ids: [unread.id], all: false });
  });

  it('puts what the stream sends on top of the open list, and marks all read', async () => {
    const fetchMock = stubFetch((request) =>
      request.method === 'POST'
        ? Response.json({ count: 0 })
        : Response.json(aPage([aNotification({ read: true })])),
    );
    const { user } = renderRoute('/status-of-nothing', { me: aMember() });
    streamSays(0, []);
    await user.click(screen.getByRole('button', { name: 'Notifications' }));
    const panel = await screen.findByRole('list', { name: 'Latest notifications' });

    streamSays(1, [
      aNotification({
        id: 'n-new',
        type: 'like',
        text: 'Alan Turing liked your “Denim jacket”',
        updated_at: '2026-11-24T10:00:00Z',
      }),
    ]);
    await waitFor(() => {
      expect(within(panel).getAllByRole('link')).toHaveLength(2);
    });
    expect(within(panel).getAllByRole('link')[0]).toHaveTextContent(
      'Alan Turing liked your “Denim jacket”',
    );

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));

    await waitFor(() => {
      expect(screen.queryByTestId('unread-count')).not.toBeInTheDocument();
    });
    expect(within(panel).queryByText('Unread')).not.toBeInTheDocument();
    expect(requestedCalls(fetchMock)).toContain('POST /api/v1/notifications/read');
  });
});
