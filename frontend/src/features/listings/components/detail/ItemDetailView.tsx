import { EyeSlashIcon, PencilSquareIcon } from '@heroicons/react/20/solid';
import { ButtonLink } from '../../../../components/ui/Button';
import { formatMoney } from '../../../../lib/money';
import { AddToCart } from '../../../commerce/cart/AddToCart';
import { LikeButton } from '../../../reactions/components/LikeButton';
import { SaveButton } from '../../../reactions/components/SaveButton';
import type { ItemDetail } from '../../api/items';
import { StatusBadge } from '../StatusBadge';
import { ItemAttributes } from './ItemAttributes';
import { ItemGallery } from './ItemGallery';
import { SellerCard } from './SellerCard';
import { ShareButton } from './ShareButton';

const countFormat = new Intl.NumberFormat('en');

function plural(count: number, one: string, many: string): string {
  return `${countFormat.format(count)} ${count === 1 ? one : many}`;
}

/** The seller's view of how their listing is doing, where others get the buttons. */
function Engagement({ counts }: { counts: ItemDetail['counts'] }) {
  return (
    <p className="text-sm text-stone-600">
      {[
        plural(counts.likes, 'like', 'likes'),
        plural(counts.saves, 'save', 'saves'),
        plural(counts.views, 'view', 'views'),
      ].join(' · ')}
    </p>
  );
}

/** What the seller sees about a listing nobody else can see. */
function PrivateNote({ item }: { item: ItemDetail }) {
  if (item.status !== 'draft' && item.status !== 'hidden') return null;
  return (
    <p className="flex items-start gap-3 rounded-xl bg-stone-100 px-4 py-3 text-sm leading-6 text-stone-800 ring-1 ring-stone-200">
      <EyeSlashIcon className="mt-0.5 size-5 shrink-0 text-stone-500" aria-hidden="true" />
      {item.status === 'draft'
        ? 'This is a draft: only you can see it. Publish it from the edit page when it is ready.'
        : 'This listing is hidden: only you can see it. Show it again from the edit page.'}
    </p>
  );
}

interface ItemDetailViewProps {
  item: ItemDetail;
  /** The signed-in member is the seller. */
  isOwn: boolean;
}

export function ItemDetailView({ item, isOwn }: ItemDetailViewProps) {
  const summary = [item.brand?.name, item.size?.label, item.condition.name].filter(Boolean);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,7fr)_minmax(0,5fr)] lg:gap-12">
      <ItemGallery images={item.images} title={item.title} />

      <div className="min-w-0 space-y-6">
        {isOwn && <PrivateNote item={item} />}
        <header>
          <StatusBadge status={item.status} className="mb-2" />
          <h1 className="text-2xl font-bold tracking-tight break-words text-stone-900 sm:text-3xl">
            {item.title}
          </h1>
          <p className="mt-1 text-sm text-stone-600">{summary.join(' · ')}</p>
          <p className="mt-3 text-3xl font-bold tracking-tight text-stone-900 tabular-nums">
            {formatMoney(item.price)}
          </p>
        </header>

        {!isOwn && <AddToCart item={item} />}

        <div className="flex flex-wrap items-center gap-3">
          {isOwn ? (
            <ButtonLink to={`/items/${item.id}/edit`}>
              <PencilSquareIcon className="size-4" aria-hidden="true" />
              Edit listing
            </ButtonLink>
          ) : (
            <>
              <LikeButton
                itemId={item.id}
                liked={item.viewer?.liked ?? false}
                count={item.counts.likes}
                look="detail"
              />
              <SaveButton itemId={item.id} saved={item.viewer?.saved ?? false} look="detail" />
            </>
          )}
          <ShareButton title={item.title} />
        </div>
        {isOwn && <Engagement counts={item.counts} />}

        {item.description && (
          <section aria-labelledby="description-heading">
            <h2 id="description-heading" className="text-sm font-semibold text-stone-900">
              Description
            </h2>
            <p className="mt-2 text-base leading-7 break-words whitespace-pre-line text-stone-800">
              {item.description}
            </p>
          </section>
        )}

        <ItemAttributes item={item} />
        <SellerCard seller={item.seller} />
      </div>
    </div>
  );
}
