import { ChevronRightIcon } from '@heroicons/react/20/solid';
import { Link } from 'react-router';
import { MemberAvatar } from '../../../../components/ui/MemberAvatar';
import type { ItemDetail } from '../../api/items';

/** Who sells it, linking to their profile and other listings. */
export function SellerCard({ seller }: { seller: ItemDetail['seller'] }) {
  return (
    <section aria-labelledby="seller-heading">
      <h2 id="seller-heading" className="text-sm font-semibold text-stone-900">
        Seller
      </h2>
      <Link
        to={`/members/${seller.username}`}
        className="mt-2 flex items-center gap-3 rounded-2xl bg-white p-4 ring-1 ring-stone-200 hover:bg-stone-50 hover:ring-stone-300"
      >
        <MemberAvatar
          name={seller.display_name}
          avatar={seller.avatar}
          className="size-12 text-lg"
          sizes="48px"
        />
        <span className="min-w-0 flex-1">
          <span className="block truncate font-semibold text-stone-900">{seller.display_name}</span>
          <span className="block truncate text-sm text-stone-600">@{seller.username}</span>
        </span>
        <ChevronRightIcon className="size-5 shrink-0 text-stone-400" aria-hidden="true" />
      </Link>
    </section>
  );
}
