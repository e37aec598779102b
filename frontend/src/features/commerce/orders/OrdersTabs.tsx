import { Tab, TabGroup, TabList, TabPanel, TabPanels } from '@headlessui/react';
import { useSearchParams } from 'react-router';
import type { OrderRole } from '../api/orders';
import { OrderList } from './OrderList';

const TABS: readonly { role: OrderRole; label: string }[] = [
  { role: 'buyer', label: 'Bought' },
  { role: 'seller', label: 'Sold' },
];

/** Bought and Sold, the tab in the URL (`?tab=sold`) so a link can open either. */
export function OrdersTabs() {
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get('tab') === 'sold' ? 1 : 0;
  return (
    <TabGroup
      selectedIndex={selected}
      onChange={(index) => {
        setSearchParams(index === 1 ? { tab: 'sold' } : {}, { preventScrollReset: true });
      }}
    >
      <TabList className="flex gap-1 border-b border-stone-200">
        {TABS.map((tab) => (
          <Tab
            key={tab.role}
            className="-mb-px shrink-0 rounded-t-lg border-b-2 border-transparent px-3.5 py-2.5 text-sm font-semibold whitespace-nowrap text-stone-600 hover:border-stone-300 hover:text-stone-900 data-selected:border-brand-700 data-selected:text-brand-800"
          >
            {tab.label}
          </Tab>
        ))}
      </TabList>
      <TabPanels className="mt-4">
        {TABS.map((tab) => (
          <TabPanel key={tab.role} className="focus:outline-none">
            <OrderList role={tab.role} />
          </TabPanel>
        ))}
      </TabPanels>
    </TabGroup>
  );
}
