import { Tab, TabGroup, TabList, TabPanel, TabPanels } from '@headlessui/react';
import { PlusIcon } from '@heroicons/react/20/solid';
import { ArchiveBoxIcon } from '@heroicons/react/24/outline';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../../components/ui/Button';
import type { MyItemsStatus } from '../../api/items';
import { useMyItems } from '../../hooks/useItemPages';
import { EmptyState } from '../EmptyState';
import { ItemGrid } from '../grid/ItemGrid';

interface StatusTab {
  status: MyItemsStatus;
  label: string;
  /** Names the grid for screen readers. */
  listLabel: string;
  emptyTitle: string;
  emptyText: string;
}

const TABS: readonly StatusTab[] = [
  {
    status: 'active',
    label: 'Active',
    listLabel: 'Your listings for sale',
    emptyTitle: 'Nothing for sale yet',
    emptyText: 'List something you no longer use; it takes a couple of minutes.',
  },
  {
    status: 'draft',
    label: 'Drafts',
    listLabel: 'Your drafts',
    emptyTitle: 'No drafts',
    emptyText: 'Save a listing as a draft to finish it later; only you can see it.',
  },
  {
    status: 'hidden',
    label: 'Hidden',
    listLabel: 'Your hidden listings',
    emptyTitle: 'Nothing hidden',
    emptyText: 'Hide a listing to take it off sale for a while without deleting it.',
  },
  {
    status: 'sold',
    label: 'Sold',
    listLabel: 'Your sold listings',
    emptyTitle: 'Nothing sold yet',
    emptyText: 'Listings you sell appear here.',
  },
  {
    status: 'reserved',
    label: 'Reserved',
    listLabel: 'Your reserved listings',
    emptyTitle: 'Nothing reserved',
    emptyText: 'A listing is reserved while a buyer is checking out.',
  },
];

function StatusGrid({ tab }: { tab: StatusTab }) {
  const pages = useMyItems(tab.status);
  return (
    <ItemGrid
      pages={pages}
      label={tab.listLabel}
      reactions={false}
      empty={
        <EmptyState
          icon={ArchiveBoxIcon}
          title={tab.emptyTitle}
          action={
            <ButtonLink to="/sell" variant={tab.status === 'active' ? 'primary' : 'secondary'}>
              <PlusIcon className="size-4" aria-hidden="true" />
              Sell an item
            </ButtonLink>
          }
        >
          {tab.emptyText}
        </EmptyState>
      }
    />
  );
}

/** The member's listings, one tab per status; the tab is in the URL (`?status=draft`). */
export function MyListingsTabs() {
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = Math.max(
    0,
    TABS.findIndex((tab) => tab.status === searchParams.get('status')),
  );

  return (
    <TabGroup
      selectedIndex={selected}
      onChange={(index) => {
        const status = TABS[index]?.status ?? 'active';
        setSearchParams(status === 'active' ? {} : { status }, { preventScrollReset: true });
      }}
    >
      <TabList className="-mx-4 flex gap-1 overflow-x-auto border-b border-stone-200 px-4 sm:mx-0 sm:px-0">
        {TABS.map((tab) => (
          <Tab
            key={tab.status}
            className="-mb-px shrink-0 rounded-t-lg border-b-2 border-transparent px-3.5 py-2.5 text-sm font-semibold whitespace-nowrap text-stone-600 hover:border-stone-300 hover:text-stone-900 data-selected:border-brand-700 data-selected:text-brand-800"
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <TabPanels className="mt-6 sm:mt-8">
        {TABS.map((tab) => (
          <TabPanel key={tab.status} className="focus:outline-none">
            <StatusGrid tab={tab} />
          </TabPanel>
        ))}
      </TabPanels>
    </TabGroup>
  );
}
