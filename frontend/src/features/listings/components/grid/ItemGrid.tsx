import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Button } from '../../../../components/ui/Button';
import { FormAlert } from '../../../../components/ui/FormAlert';
import { LoadMore } from '../../../../components/ui/LoadMore';
import { formErrorMessage } from '../../../../lib/form-errors';
import type { ItemPage } from '../../api/items';
import { ItemCard, type ItemCardOptions } from './ItemCard';

const GRID_CLASSES = 'grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4';
// Cards in the first row load at once; the rest as they scroll near.
const EAGER_CARDS = 4;

function GridSkeleton() {
  return (
    <div role="status">
      <span className="sr-only">Loading listings…</span>
      <div aria-hidden="true" className={GRID_CLASSES}>
        {Array.from({ length: EAGER_CARDS * 2 }, (_, index) => (
          <div key={index} className="animate-pulse">
            <div className="aspect-[4/5] rounded-xl bg-stone-200/70" />
            <div className="mt-3 h-4 w-16 rounded bg-stone-200/70" />
            <div className="mt-2 h-3.5 w-3/4 rounded bg-stone-200/70" />
          </div>
        ))}
      </div>
    </div>
  );
}

interface ItemGridProps extends ItemCardOptions {
  pages: UseInfiniteQueryResult<InfiniteData<ItemPage>>;
  /** Names the list for screen readers, e.g. "Your drafts". */
  label: string;
  /** Shown when there is nothing to list. */
  empty: ReactNode;
  /** Loads the next page as it scrolls; off for a preview that links to the full list. */
  endless?: boolean;
}

/** A responsive grid of listing cards that loads the next page as it scrolls. */
export function ItemGrid({ pages, label, empty, endless = true, ...cardOptions }: ItemGridProps) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;

  if (isPending) return <GridSkeleton />;
  if (!data) {
    return (
      <FormAlert>
        {formErrorMessage(error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  const items = data.pages.flatMap((page) => page.items);
  if (items.length === 0) return empty;

  return (
    <>
      <ul aria-label={label} className={GRID_CLASSES}>
        {items.map((item, index) => (
          <li key={item.id}>
            <ItemCard item={item} eager={index < EAGER_CARDS} {...cardOptions} />
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={endless && hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}
