import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../../test/event-source-stub';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aComment, aMember, aNotification, anItem, aPage } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

describe('useNotificationStream', () => {
  it('polls the unread count while the stream is refused', async () => {
    const fetchMock = stubFetch(() => Response.json({ count: 2 }));
    renderRoute('/status-of-nothing', { me: aMember() });

    act(() => {
      FakeEventSource.latest().fail({ refused: true });
    });

    expect(await screen.findByTestId('unread-count')).toHaveTextContent('2');
    expect(requestedCalls(fetchMock)).toEqual(['GET /api/v1/notifications/unread-count']);
  });

  it('loads again the listing on screen when the stream says someone commented', async () => {
    const item = anItem();
    let comments = [aComment({ body: 'First!' })];
    stubFetch((request) =>
      new URL(request.url).pathname.endsWith('/comments')
        ? Response.json(aPage(comments))
        : Response.json(item),
    );
    renderRoute(`/items/${item.id}`, { me: aMember() });
    expect(await screen.findByText('First!')).toBeVisible();

    comments = [...comments, aComment({ id: 'c-2', body: 'Is it still available?' })];
    act(() => {
      const stream = FakeEventSource.latest();
      stream.open();
      stream.emit('notifications', { unread: 1, notifications: [aNotification()] });
    });

    expect(await screen.findByText('Is it still available?')).toBeVisible();
  });
});
