import { PlusIcon } from '@heroicons/react/20/solid';
import { ShoppingBagIcon } from '@heroicons/react/24/outline';
import { ButtonLink } from '../../../../components/ui/Button';
import { TextLink } from '../../../../components/ui/TextLink';
import { useSellerItems } from '../../hooks/useItemPages';
import { EmptyState } from '../EmptyState';
import { ItemGrid } from './ItemGrid';

interface SellerListingsProps {
  username: string;
  /** The signed-in member is looking at their own profile. */
  isOwn: boolean;
}

/** A member's listings on their profile: for sale, reserved and sold, newest first. */
export function SellerListings({ username, isOwn }: SellerListingsProps) {
  const pages = useSellerItems(username);
  return (
    <section aria-labelledby="seller-listings-heading" className="mt-10">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2
          id="seller-listings-heading"
          className="text-xl font-bold tracking-tight text-stone-900"
        >
          Listings
        </h2>
        {isOwn && (
          <TextLink to="/my/listings" className="text-sm">
            Manage your listings
          </TextLink>
        )}
      </div>
      <div className="mt-5">
        <ItemGrid
          pages={pages}
          label={`Listings by @${username}`}
          reactions={!isOwn}
          empty={
            <EmptyState
              icon={ShoppingBagIcon}
              title={isOwn ? 'You have nothing for sale yet' : 'Nothing for sale yet'}
              action={
                isOwn && (
                  <ButtonLink to="/sell">
                    <PlusIcon className="size-4" aria-hidden="true" />
                    Sell an item
                  </ButtonLink>
                )
              }
            >
              {isOwn
                ? 'What you list shows here, for everyone to see.'
                : 'Come back later: new listings show here first.'}
            </EmptyState>
          }
        />
      </div>
    </section>
  );
}
