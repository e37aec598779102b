import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ItemCreate } from '../features/listings/api/items';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { aMember, anImage, anItem, errorResponse, taxonomyResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';
import { stubFileUploads } from '../test/xhr-stub';

const seller = aMember({ location: { country: 'FR', city: 'Lyon' } });
type User = ReturnType<typeof renderRoute>['user'];

/** The API as the sell page meets it; `onCreate` answers POST /items. */
function stubSellApi(onCreate: (body: ItemCreate) => Response) {
  return stubFetch(async (request) => {
    const taxonomy = taxonomyResponse(request);
    if (taxonomy) return taxonomy;
    const { pathname } = new URL(request.url);
    switch (pathname) {
      case '/api/v1/uploads':
        return Response.json(
          {
            id: 'p1',
            upload_url: '/api/v1/storage/uploads/p1?sig=s',
            method: 'PUT',
            headers: { 'Content-Type': 'image/jpeg' },
            expires_at: '2026-11-24T10:00:00Z',
          },
          { status: 201 },
        );
      case '/api/v1/uploads/p1/complete':
        return Response.json(anImage('p1', { status: 'processing', variants: {} }));
      case '/api/v1/images/p1':
        return Response.json(anImage('p1'));
      case '/api/v1/items':
        return onCreate((await request.clone().json()) as ItemCreate);
      default:
        throw new Error(`unexpected request to ${pathname}`);
    }
  });
}

async function addPhoto(user: User) {
  await screen.findByRole('button', { name: 'Add photos' });
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error('no file input');
  const photo = new File(['jpeg bytes'], 'dress.jpg', { type: 'image/jpeg' });
  await user.upload(input, photo);
  // Uploaded, processed (after one poll), and shown from the server's variants.
  expect(await screen.findByRole('img', { name: 'Photo 1' }, { timeout: 3000 })).toBeVisible();
  return photo;
}

async function chooseCategory(user: User, ...path: string[]) {
  for (const name of path) {
    await user.click(await screen.findByRole('button', { name: new RegExp(`^${name}`) }));
  }
}

async function fillIn(user: User) {
  await user.type(await screen.findByLabelText('Title'), 'Blue summer dress');
  await chooseCategory(user, 'Women', 'Clothing', 'Dresses');
  await screen.findByRole('option', { name: 'M' });
  await user.selectOptions(screen.getByLabelText('Size'), 'M');
  await user.click(screen.getByRole('radio', { name: 'Very good' }));
  await user.click(screen.getByRole('checkbox', { name: 'Blue' }));
  await user.type(screen.getByLabelText('Price (€)'), '12,50');
}

describe('SellPage', () => {
  it('uploads a photo, then publishes with the price in minor units', async () => {
    const sent = stubFileUploads();
    const fetchMock = stubSellApi(() => Response.json(anItem({ id: 'new-1' }), { status: 201 }));
    const { router, user } = renderRoute('/sell', { me: seller });

    const photo = await addPhoto(user);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    expect(await screen.findByText('Your listing is live.')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/items/new-1');
    expect(sent).toEqual([
      {
        method: 'PUT',
        url: `${window.location.origin}/api/v1/storage/uploads/p1?sig=s`,
        headers: { 'Content-Type': 'image/jpeg' },
        body: photo,
        withCredentials: false,
      },
    ]);
    const create = fetchMock.mock.calls
      .map(([request]) => request as Request)
      .find((request) => new URL(request.url).pathname === '/api/v1/items');
    expect(await create?.json()).toEqual({
      title: 'Blue summer dress',
      description: '',
      category_id: 'c-dresses',
      brand_id: null,
      size_id: 's-m',
      condition: 'very_good',
      colors: ['blue'],
      price: { amount: 1250, currency: 'EUR' },
      quantity: 1,
      location: { country: 'FR', city: 'Lyon' },
      image_ids: ['p1'],
      status: 'active',
    });
  });

  it('shows the server field errors next to the price, the size and the photos', async () => {
    stubFileUploads();
    stubSellApi(() =>
      errorResponse(422, 'item_invalid', 'Some details of the listing are not valid.', {
        fields: [
          { field: 'size_id', message: 'This size does not belong to the category.' },
          { field: 'price.amount', message: 'Set a price between 1.00 and 100000.00 EUR.' },
          { field: 'image_ids', message: 'Photo p1 is not one of your ready photos.' },
        ],
      }),
    );
    const { user } = renderRoute('/sell', { me: seller });

    await addPhoto(user);
    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    const size = screen.getByLabelText('Size');
    expect(await screen.findByText('This size does not belong to the category.')).toBeVisible();
    expect(size).toHaveAttribute('aria-invalid', 'true');
    expect(size).toHaveFocus();
    const price = screen.getByLabelText('Price (€)');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription(
      expect.stringContaining('Set a price between 1.00 and 100000.00 EUR.'),
    );
    const photos = screen.getByRole('group', { name: 'Photos' });
    expect(photos).toHaveAccessibleDescription(
      expect.stringContaining('Photo p1 is not one of your ready photos.'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers sizes only for categories that have them', async () => {
    const fetchMock = stubSellApi(() => new Response(null, { status: 500 }));
    const { user } = renderRoute('/sell', { me: seller });

    await chooseCategory(user, 'Women', 'Clothing', 'Dresses');
    expect(await screen.findByRole('option', { name: 'M' })).toBeInTheDocument();
    expect(screen.getByLabelText('Size')).toBeEnabled();
    const sizeRequests = () =>
      fetchMock.mock.calls
        .map(([request]) => new URL((request as Request).url))
        .filter((url) => url.pathname === '/api/v1/sizes');
    expect(sizeRequests().map((url) => url.searchParams.get('category'))).toEqual(['c-dresses']);

    await user.click(screen.getByRole('button', { name: 'Change' }));
    await user.click(screen.getByRole('button', { name: 'Women' }));
    await chooseCategory(user, 'Bags', 'Handbags');

    expect(await screen.findByText('Handbags')).toBeVisible();
    expect(screen.queryByLabelText('Size')).not.toBeInTheDocument();
    expect(sizeRequests()).toHaveLength(1);
  });

  it('needs a photo to publish, but not to save a draft', async () => {
    const fetchMock = stubSellApi(() =>
      Response.json(anItem({ id: 'draft-1', status: 'draft' }), { status: 201 }),
    );
    const { router, user } = renderRoute('/sell', { me: seller });

    await fillIn(user);
    await user.click(screen.getByRole('button', { name: 'Publish' }));

    expect(
      within(screen.getByRole('group', { name: 'Photos' })).getByText(
        'Add at least one photo to publish.',
      ),
    ).toBeVisible();
    expect(screen.getByRole('button', { name: 'Add photos' })).toHaveFocus();
    expect(requestedCalls(fetchMock)).not.toContain('POST /api/v1/items');

    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/items/draft-1');
    });
    const create = fetchMock.mock.calls
      .map(([request]) => request as Request)
      .find((request) => new URL(request.url).pathname === '/api/v1/items');
    expect(await create?.json()).toMatchObject({ image_ids: [], status: 'draft' });
  });

  it('checks the price as typed before asking the server', async () => {
    const fetchMock = stubSellApi(() => new Response(null, { status: 500 }));
    const { user } = renderRoute('/sell', { me: seller });

    await user.type(await screen.findByLabelText('Price (€)'), '12.345');
    await user.click(screen.getByRole('button', { name: 'Save draft' }));

    expect(await screen.findByText('Enter a price like 12 or 12.50.')).toBeVisible();
    expect(screen.getByText('Choose a category.')).toBeVisible();
    expect(requestedCalls(fetchMock)).not.toContain('POST /api/v1/items');
  });
});
