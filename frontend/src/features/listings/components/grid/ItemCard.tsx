import { HeartIcon } from '@heroicons/react/16/solid';
import { Link } from 'react-router';
import { ResponsiveImage } from '../../../../components/ui/ResponsiveImage';
import { formatMoney } from '../../../../lib/money';
import type { ItemCard as ItemCardData } from '../../api/items';
import { StatusBadge } from '../StatusBadge';

interface ItemCardProps {
  item: ItemCardData;
  /** For the first row of a grid, which is on screen at once. */
  eager?: boolean;
}

/**
 * A listing in a grid: cover, price, title, brand and size. The whole card is one link,
 * named by the title; the cover is decorative because the title says what it shows.
 */
export function ItemCard({ item, eager = false }: ItemCardProps) {
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
        <StatusBadge status={item.status} className="absolute top-2 left-2 shadow-sm" />
      </div>
      <div className="mt-2.5 px-0.5">
        <div className="flex items-baseline justify-between gap-2">
          <p className="font-bold text-stone-900 tabular-nums">{formatMoney(item.price)}</p>
          {item.like_count > 0 && (
            <p className="flex items-center gap-1 text-xs text-stone-500">
              <HeartIcon className="size-3.5" aria-hidden="true" />
              {item.like_count}
              <span className="sr-only">{item.like_count === 1 ? 'like' : 'likes'}</span>
            </p>
          )}
        </div>
        <h3 className="mt-0.5 truncate text-sm text-stone-800">
          <Link
            to={`/items/${item.id}`}
            className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none"
          >
            {item.title}
          </Link>
        </h3>
        {details && <p className="truncate text-sm text-stone-600">{details}</p>}
      </div>
    </article>
  );
}
