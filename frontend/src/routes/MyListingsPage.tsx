import { PlusIcon } from '@heroicons/react/20/solid';
import { ButtonLink } from '../components/ui/Button';
import { MyListingsTabs } from '../features/listings/components/mine/MyListingsTabs';
import { useDocumentTitle } from '../lib/use-document-title';

export function MyListingsPage() {
  useDocumentTitle('My listings');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">My listings</h1>
          <p className="mt-1 text-base text-stone-600">Everything you sell, by status.</p>
        </div>
        <ButtonLink to="/sell">
          <PlusIcon className="size-4" aria-hidden="true" />
          Sell an item
        </ButtonLink>
      </div>
      <div className="mt-6 sm:mt-8">
        <MyListingsTabs />
      </div>
    </div>
  );
}
