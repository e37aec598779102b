import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type ItemDetail, itemQueryKey } from '../../listings/api/items';
import { requestedCalls, stubFetch } from '../../../test/fetch-stub';
import { aMember, anItem, anItemCard, aPage, errorResponse } from '../../../test/fixtures';
import { renderRoute } from '../../../test/render-route';

const card = anItemCard({ like_count: 2 });

/** Explore with one card; `react` answers the like and save requests. */
function stubExplore(react: (request: Request) => Response | Promise<Response>) {
  return stubFetch((request) =>
    request.method === 'GET' ? Response.json(aPage([card])) : react(request),
  );
}

/** A response the test sends when it chooses, to look at the page before it arrives. */
function deferredResponse() {
  let send: (response: Response) => void = () => undefined;
  const response = new Promise<Response>((resolve) => {
    send = resolve;
  });
  return { response, send };
}

describe('Like and save buttons', () => {
  it('like at once on the card and the cached listing, then keep the server count', async () => {
    const server = deferredResponse();
    const fetchMock = stubExplore(() => server.response);
    const { user, queryClient } = renderRoute('/explore', { me: aMember() });
    queryClient.setQueryData(
      itemQueryKey(card.id),
      anItem({ id: card.id, counts: { likes: 2, saves: 0, comments: 0, views: 0 } }),
    );

    const like = await screen.findByRole('button', { name: /^Like Linen shirt/ });
    expect(like).toHaveAttribute('aria-pressed', 'false');
    await user.click(like);

    expect(like).toHaveAttribute('aria-pressed', 'true');
    expect(like).toHaveTextContent('3');
    expect(queryClient.getQueryData<ItemDetail>(itemQueryKey(card.id))).toMatchObject({
      viewer: { liked: true },
      counts: { likes: 3 },
    });

    server.send(Response.json({ liked: true, like_count: 7 }));
    await waitFor(() => {
      expect(like).toHaveTextContent('7');
    });
    expect(requestedCalls(fetchMock)).toContain(`PUT /api/v1/items/${card.id}/like`);
  });

  it('put the like back and say why when the server refuses it', async () => {
    stubExplore(() =>
      errorResponse(429, 'rate_limited', 'Too many requests.', null, { 'Retry-After': '30' }),
    );
    const { user } = renderRoute('/explore', { me: aMember() });

    const like = await screen.findByRole('button', { name: /^Like Linen shirt/ });
    await user.click(like);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your like was not saved. Too many attempts, try again in 30 seconds.',
    );
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(like).toHaveTextContent('2');
  });

  it('save privately, with a bookmark and no count', async () => {
    const fetchMock = stubExplore(() => Response.json({ saved: true, save_count: 4 }));
    const { user } = renderRoute('/explore', { me: aMember() });

    const save = await screen.findByRole('button', { name: 'Save Linen shirt' });
    await user.click(save);

    expect(save).toHaveAttribute('aria-pressed', 'true');
    expect(save).not.toHaveTextContent('4');
    expect(requestedCalls(fetchMock)).toContain(`PUT /api/v1/items/${card.id}/save`);
  });

  it('send a visitor to sign in, and back here after', async () => {
    const fetchMock = stubExplore(() => new Response(null, { status: 500 }));
    const { router, user } = renderRoute('/explore');

    await user.click(await screen.findByRole('button', { name: /^Like Linen shirt/ }));

    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/explore');
    expect(requestedCalls(fetchMock)).toEqual(['GET /api/v1/feed/popular']);
  });
});
