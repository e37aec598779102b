import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemDetail } from '../features/listings/api/items';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, anItem, errorResponse, taxonomyResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

const seller = aMember();
const ITEM_PATH = '/api/v1/items/0190a1b2-0000-7000-8000-0000000000b1';
const EDIT_URL = '/items/0190a1b2-0000-7000-8000-0000000000b1/edit';

/**
 * The listing API: GET answers the current `listing`, PATCH and DELETE go to `onWrite`.
 * Returns the fetch mock and the writes, with their If-Match and body.
 */
function stubListingApi(
  listing: () => ItemDetail,
  onWrite: (request: Request) => Response | Promise<Response>,
) {
  const writes: { method: string; ifMatch: string | null; body: unknown }[] = [];
  const fetchMock = stubFetch(async (request) => {
    const taxonomy = taxonomyResponse(request);
    if (taxonomy) return taxonomy;
    const { pathname } = new URL(request.url);
    if (pathname === ITEM_PATH && request.method === 'GET') return Response.json(listing());
    if (pathname === ITEM_PATH) {
      const text = await request.clone().text();
      writes.push({
        method: request.method,
        ifMatch: request.headers.get('If-Match'),
        body: text ? (JSON.parse(text) as unknown) : null,
      });
      return onWrite(request);
    }
    if (pathname === '/api/v1/me/items') return Response.json({ items: [], next_cursor: null });
    throw new Error(`unexpected request to ${pathname}`);
  });
  return { fetchMock, writes };
}

function photoOrder(): string[] {
  const photos = screen.getByRole('list', { name: /Photos/ });
  return within(photos)
    .getAllByRole('img')
    .map((image) => /images\/(\w+)\//.exec(image.getAttribute('src') ?? '')?.[1] ?? '?');
}

describe('EditListingPage', () => {
  it('sends only what changed with If-Match, and explains a 412', async () => {
    let current = anItem();
    const { writes } = stubListingApi(
      () => current,
      () =>
        errorResponse(
          412,
          'item_changed',
          'This listing changed since you opened it; reload it and try again.',
          { current_etag: '"v4"' },
        ),
    );
    const { user } = renderRoute(EDIT_URL, { me: seller });

    const price = await screen.findByLabelText('Price (€)');
    expect(price).toHaveValue('25.00');
    await user.clear(price);
    await user.type(price, '9.99');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This listing was changed somewhere else.');
    expect(writes).toEqual([
      { method: 'PATCH', ifMatch: '"v3"', body: { price: { amount: 999, currency: 'EUR' } } },
    ]);

    // Reloading starts again from what the listing says now.
    current = anItem({ version: 4, price: { amount: 3000, currency: 'EUR' } });
    await user.click(within(alert).getByRole('button', { name: 'Reload the listing' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Price (€)')).toHaveValue('30.00');
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reorders the photos with the move buttons and saves the new order', async () => {
    const { writes } = stubListingApi(
      () => anItem(),
      () => Response.json(anItem({ version: 4 })),
    );
    const { router, user } = renderRoute(EDIT_URL, { me: seller });

    await screen.findByRole('button', { name: 'Move photo 3 left' });
    expect(photoOrder()).toEqual(['p1', 'p2', 'p3']);
    expect(screen.getByRole('button', { name: 'Move photo 1 left' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Move photo 3 left' }));

    expect(photoOrder()).toEqual(['p1', 'p3', 'p2']);
    // The moved photo keeps the focus, on its own arrow, now as photo 2.
    expect(screen.getByRole('button', { name: 'Move photo 2 left' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Move photo 2 left' }));
    expect(photoOrder()).toEqual(['p3', 'p1', 'p2']);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items/0190a1b2-0000-7000-8000-0000000000b1');
    expect(writes).toEqual([
      { method: 'PATCH', ifMatch: '"v3"', body: { image_ids: ['p3', 'p1', 'p2'] } },
    ]);
  });

  it('hides the listing, then saves edits against the new version', async () => {
    let current = anItem();
    const { writes } = stubListingApi(
      () => current,
      async (request) => {
        const changes = (await request.json()) as Partial<ItemDetail>;
        current = { ...current, ...changes, version: current.version + 1 };
        return Response.json(current);
      },
    );
    const { user } = renderRoute(EDIT_URL, { me: seller });

    await user.click(await screen.findByRole('button', { name: 'Hide' }));

    const status = screen.getByRole('region', { name: /Status/ });
    expect(await within(status).findByText('Hidden')).toBeVisible();
    expect(within(status).getByRole('button', { name: 'Show again' })).toBeVisible();
    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Denim jacket, size M');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Your changes are saved.')).toBeInTheDocument();
    expect(writes).toEqual([
      { method: 'PATCH', ifMatch: '"v3"', body: { status: 'hidden' } },
      { method: 'PATCH', ifMatch: '"v4"', body: { title: 'Denim jacket, size M' } },
    ]);
  });

  it('deletes the listing once confirmed', async () => {
    const { fetchMock } = stubListingApi(
      () => anItem(),
      () => new Response(null, { status: 204 }),
    );
    const { router, user } = renderRoute(EDIT_URL, { me: seller });

    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete this listing?' });
    await waitFor(() => {
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    });
    await user.click(within(dialog).getByRole('button', { name: 'Delete listing' }));

    expect(await screen.findByText('Your listing is deleted.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/my/listings');
    expect(requestedCalls(fetchMock)).toContain(`DELETE ${ITEM_PATH}`);
  });

  it("shows the 404 page for someone else's listing", async () => {
    stubListingApi(
      () => anItem({ seller: { id: 'someone-else', username: 'grace', display_name: 'Grace' } }),
      () => new Response(null, { status: 500 }),
    );
    renderRoute(EDIT_URL, { me: seller });

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });
});
