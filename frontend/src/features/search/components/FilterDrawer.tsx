import { Dialog, DialogBackdrop, DialogPanel, DialogTitle } from '@headlessui/react';
import { XMarkIcon } from '@heroicons/react/24/outline';
import type { ReactNode } from 'react';
import { Button } from '../../../components/ui/Button';

interface FilterDrawerProps {
  open: boolean;
  onClose: () => void;
  /** "Show 1,234 results": what closing the drawer shows. */
  showLabel: string;
  children: ReactNode;
}

/**
 * The filter panel on phones, in a drawer over the results. Choices apply at once, so the
 * counts stay true while the drawer is open; closing it shows the results.
 */
export function FilterDrawer({ open, onClose, showLabel, children }: FilterDrawerProps) {
  return (
    <Dialog open={open} onClose={onClose} className="relative z-50 lg:hidden">
      <DialogBackdrop className="fixed inset-0 bg-stone-950/40" />
      <div className="fixed inset-0 flex justify-end">
        <DialogPanel className="flex h-full w-full max-w-sm flex-col bg-white shadow-xl">
          <div className="flex items-center justify-between border-b border-stone-200 px-4 py-3">
            <DialogTitle className="text-lg font-bold tracking-tight text-stone-900">
              Filters
            </DialogTitle>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close filters"
              className="rounded-full p-2 text-stone-600 hover:bg-stone-100 hover:text-stone-900"
            >
              <XMarkIcon className="size-5" aria-hidden="true" />
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-4 pb-6">{children}</div>
          <div className="border-t border-stone-200 p-4">
            <Button onClick={onClose} className="w-full">
              {showLabel}
            </Button>
          </div>
        </DialogPanel>
      </div>
    </Dialog>
  );
}
