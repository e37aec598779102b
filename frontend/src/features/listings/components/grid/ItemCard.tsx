import { FireIcon, HeartIcon, UserGroupIcon } from '@heroicons/react/16/solid';
import { Link } from 'react-router';
import { ResponsiveImage } from '../../../../components/ui/ResponsiveImage';
import { formatMoney } from '../../../../lib/money';
import { ReservedBadge } from '../../../commerce/shared/ReservedBadge';
import { LikeButton } from '../../../reactions/components/LikeButton';
import { SaveButton } from '../../../reactions/components/SaveButton';
import type { ItemCard as ItemCardData } from '../../api/items';
import { StatusBadge } from '../StatusBadge';

export interface ItemCardOptions {
  /** Like and save buttons; without them, the like count alone (the seller's own grids). */
  reactions?: boolean;
  /** Why a feed shows the listing: a seller the member follows, or popular. */
  showReason?: boolean;
}

interface ItemCardProps extends ItemCardOptions {
  item: ItemCardData;
  /** For the first row of a grid, which is on screen at once. */
  eager?: boolean;
}

function LikeCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <p className="flex items-center gap-1 text-xs text-stone-500">
      <HeartIcon className="size-3.5" aria-hidden="true" />
      {count}
      <span className="sr-only">{count === 1 ? 'like' : 'likes'}</span>
    </p>
  );
}

function FeedReason({ reason }: { reason: ItemCardData['reason'] }) {
  if (!reason) return null;
  const following = reason === 'following';
  const Icon = following ? UserGroupIcon : FireIcon;
  return (
    <p
      className={`mt-1 flex items-start gap-1 text-xs leading-4 font-medium ${following ? 'text-brand-700' : 'text-stone-500'}`}
    >
      <Icon className="size-3.5 shrink-0" aria-hidden="true" />
      {following ? 'From a seller you follow' : 'Popular'}
    </p>
  );
}

/**
 * A listing in a grid: cover, price, title, brand and size. The whole card is one link,
 * named by the title; the cover is decorative because the title says what it shows. The
 * like and save buttons sit above the link's area, so they take their own clicks.
 */
export function ItemCard({
  item,
  eager = false,
  reactions = true,
  showReason = false,
}: ItemCardProps) {
  const details = [item.brand, item.size].filter(Boolean).join(' · ');
  return (
    <article className="group relative rounded-xl has-focus-visible:outline-3 has-focus-visible:outline-offset-4 has-focus-visible:outline-brand-600">
      <div className="relative">
        <ResponsiveImage
          image={item.cover}
          alt=""
          sizes="(min-width: 1152px) 262px, (min-width: 1024px) 23vw, (min-width: 640px) 31vw, 48vw"
          eager={eager}
          className="aspect-[4/5] rounded-xl ring-1 ring-stone-200 transition-opacity group-hover:opacity-90"
        />
        <div className="absolute top-2 left-2 flex flex-col items-start gap-1">
          <StatusBadge status={item.status} className="shadow-sm" />
          {item.status !== 'reserved' && item.status !== 'sold' && (
            <ReservedBadge until={item.reserved_until} className="shadow-sm" />
          )}
        </div>
        {reactions && (
          <div className="absolute top-2 right-2">
            <SaveButton itemId={item.id} saved={item.saved} itemTitle={item.title} />
          </div>
        )}
      </div>
      <div className="mt-2.5 px-0.5">
        <div className="flex items-center justify-between gap-2">
          <p className="font-bold text-stone-900 tabular-nums">{formatMoney(item.price)}</p>
          {reactions ? (
            <LikeButton
              itemId={item.id}
              liked={item.liked}
              count={item.like_count}
              itemTitle={item.title}
            />
          ) : (
            <LikeCount count={item.like_count} />
          )}
        </div>
        <h3 className="truncate text-sm text-stone-800">
          <Link
            to={`/items/${item.id}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            {item.title}
          </Link>
        </h3>
        {details && <p className="truncate text-sm text-stone-600">{details}</p>}
        {showReason && <FeedReason reason={item.reason} />}
      </div>
    </article>
  );
}
