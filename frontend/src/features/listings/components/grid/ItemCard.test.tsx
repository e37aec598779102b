import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { anImage, anItemCard } from '../../../../test/fixtures';
import { renderComponent } from '../../../../test/render-component';
import { ItemCard } from './ItemCard';

function renderCard(card: ReturnType<typeof anItemCard>) {
  return renderComponent(<ItemCard item={card} />).container;
}

describe('ItemCard', () => {
  it('shows the price from minor units, the title as its link, brand and size', () => {
    const container = renderCard(anItemCard({ price: { amount: 123_450, currency: 'EUR' } }));

    expect(screen.getByText('€1,234.50')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Linen shirt' })).toHaveAttribute(
      'href',
      '/items/0190a1b2-0000-7000-8000-0000000000c1',
    );
    expect(screen.getByText('Arket · M')).toBeInTheDocument();
    // No badge for a listing that is simply for sale.
    expect(screen.queryByText(/Sold|Reserved|Hidden|Draft/)).not.toBeInTheDocument();
    const img = container.querySelector('img');
    expect(img).toHaveAttribute(
      'srcset',
      '/media/images/cover/thumb.jpg?sig=x 320w, /media/images/cover/medium.jpg?sig=x 960w, /media/images/cover/large.jpg?sig=x 1200w',
    );
    expect(img).toHaveAttribute('width', '1200');
    expect(img).toHaveAttribute('height', '1600');
    expect(container.querySelector('source')).toHaveAttribute('type', 'image/webp');
  });

  it.each([
    ['sold', 'Sold'],
    ['reserved', 'Reserved'],
    ['hidden', 'Hidden'],
    ['draft', 'Draft'],
  ] as const)('marks a %s listing', (status, label) => {
    renderCard(anItemCard({ status }));

    expect(screen.getByText(label)).toBeVisible();
  });

  it('marks a listing held by checkouts as reserved until the hold lapses', () => {
    renderCard(anItemCard({ reserved_until: new Date(Date.now() + 10 * 60_000).toISOString() }));
    expect(screen.getByText('Reserved')).toBeVisible();
  });

  it('shows no reserved badge once the hold has lapsed', () => {
    renderCard(anItemCard({ reserved_until: new Date(Date.now() - 1000).toISOString() }));
    expect(screen.queryByText('Reserved')).not.toBeInTheDocument();
  });

  it('keeps the space of a cover that is not processed, or missing', () => {
    const container = renderCard(
      anItemCard({ cover: anImage('x', { status: 'processing', variants: {} }) }),
    );

    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('.aspect-\\[4\\/5\\]')).toBeInTheDocument();
  });
});
