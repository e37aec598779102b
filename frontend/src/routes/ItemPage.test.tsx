import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { stubFetch } from '../test/fetch-stub';
import { aMember, anItem, errorResponse } from '../test/fixtures';
import { renderRoute } from '../test/render-route';

const ITEM_URL = '/items/0190a1b2-0000-7000-8000-0000000000b1';

/** The listing, and its comments (none). */
function stubItem(item: ReturnType<typeof anItem>) {
  return stubFetch((request) =>
    new URL(request.url).pathname.endsWith('/comments')
      ? Response.json({ items: [], next_cursor: null })
      : Response.json(item),
  );
}

describe('ItemPage', () => {
  it('shows the photos at their variants, the price and the facts', async () => {
    stubItem(anItem());
    const { user } = renderRoute(ITEM_URL);

    expect(await screen.findByRole('heading', { level: 1, name: 'Denim jacket' })).toBeVisible();
    expect(document.title).toBe('Denim jacket · Reloop');
    expect(screen.getByText('€25.00')).toBeVisible();
    const photo = screen.getByRole('img', { name: 'Denim jacket, photo 1 of 3' });
    expect(photo).toHaveAttribute('src', '/media/images/p1/medium.jpg?sig=x');
    expect(photo).toHaveAttribute('width', '1200');
    expect(photo).toHaveAttribute('height', '1600');
    expect(photo.parentElement?.querySelector('source')).toHaveAttribute(
      'srcset',
      '/media/images/p1/thumb.webp?sig=x 320w, /media/images/p1/medium.webp?sig=x 960w, /media/images/p1/large.webp?sig=x 1200w',
    );
    expect(screen.getByText('Very good')).toBeVisible();
    expect(screen.getByText('Women › Clothing › Dresses')).toBeVisible();
    expect(screen.getByText('Lyon, France')).toBeVisible();
    expect(screen.getByRole('link', { name: /Ada Lovelace/ })).toHaveAttribute(
      'href',
      '/members/ada',
    );
    expect(screen.queryByRole('link', { name: 'Edit listing' })).not.toBeInTheDocument();

    // Arrow keys and thumbnails move between the photos.
    screen.getByRole('button', { name: 'Next photo' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('img', { name: 'Denim jacket, photo 2 of 3' })).toBeVisible();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('img', { name: 'Denim jacket, photo 3 of 3' })).toBeVisible();
    const thumbnails = within(screen.getByRole('list', { name: 'All photos' }));
    await user.click(thumbnails.getByRole('button', { name: 'Show photo 1' }));
    expect(thumbnails.getByRole('button', { name: 'Show photo 1' })).toHaveAttribute(
      'aria-current',
      'true',
    );
  });

  it('offers the seller to edit, and marks what others cannot see', async () => {
    stubItem(anItem({ status: 'draft' }));
    renderRoute(ITEM_URL, { me: aMember() });

    expect(await screen.findByRole('link', { name: 'Edit listing' })).toHaveAttribute(
      'href',
      `${ITEM_URL}/edit`,
    );
    expect(screen.getByText('Draft')).toBeVisible();
    expect(screen.getByText(/This is a draft: only you can see it./)).toBeVisible();
  });

  it('copies the link where there is no share sheet', async () => {
    stubItem(anItem({ status: 'sold' }));
    const { user } = renderRoute(ITEM_URL);

    await user.click(await screen.findByRole('button', { name: 'Share' }));

    expect(await screen.findByText('Link copied')).toBeVisible();
    expect(await navigator.clipboard.readText()).toBe(window.location.href);
    expect(screen.getByText('Sold')).toBeVisible();
  });

  it('shows the 404 page for a listing that is gone or not visible', async () => {
    stubFetch(() => errorResponse(404, 'item_not_found', 'No such listing.'));
    renderRoute(ITEM_URL);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });
});
