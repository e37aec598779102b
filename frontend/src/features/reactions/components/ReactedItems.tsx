import { BookmarkIcon, HeartIcon } from '@heroicons/react/24/outline';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { ButtonLink } from '../../../components/ui/Button';
import type { ItemPage } from '../../listings/api/items';
import { EmptyState } from '../../listings/components/EmptyState';
import { ItemGrid } from '../../listings/components/grid/ItemGrid';
import { useMyLikes, useMySaves } from '../hooks/useReactedItems';
import type { ReactionKind } from '../hooks/useReactionToggle';

const COPY: Record<ReactionKind, { label: string; emptyTitle: string; emptyText: string }> = {
  like: {
    label: 'Listings you liked',
    emptyTitle: 'No likes yet',
    emptyText: 'Tap the heart on a listing to like it; the seller sees that you did.',
  },
  save: {
    label: 'Listings you saved',
    emptyTitle: 'Nothing saved yet',
    emptyText: 'Save listings with the bookmark to find them here. Only you see your saves.',
  },
};

/** The member's liked or saved listings: the hooks differ, the grid does not. */
function ReactedGrid({
  kind,
  pages,
}: {
  kind: ReactionKind;
  pages: UseInfiniteQueryResult<InfiniteData<ItemPage>>;
}) {
  const copy = COPY[kind];
  return (
    <ItemGrid
      pages={pages}
      label={copy.label}
      empty={
        <EmptyState
          icon={kind === 'like' ? HeartIcon : BookmarkIcon}
          title={copy.emptyTitle}
          action={
            <ButtonLink to="/explore" variant="secondary">
              Explore listings
            </ButtonLink>
          }
        >
          {copy.emptyText}
        </EmptyState>
      }
    />
  );
}

export function LikedItems() {
  return <ReactedGrid kind="like" pages={useMyLikes()} />;
}

export function SavedItems() {
  return <ReactedGrid kind="save" pages={useMySaves()} />;
}
