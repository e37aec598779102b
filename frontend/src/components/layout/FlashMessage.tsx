import { CheckCircleIcon } from '@heroicons/react/20/solid';
import { useLocation } from 'react-router';
import { readFlash } from '../../lib/flash';

/** Shows the message an action left for this page (see `lib/flash.ts`). */
export function FlashMessage() {
  const message = readFlash(useLocation().state);
  return (
    <div role="status">
      {message && (
        <div className="border-b border-emerald-200 bg-emerald-50">
          <p className="mx-auto flex max-w-6xl items-center gap-3 px-4 py-3 text-sm font-medium text-emerald-900 sm:px-6">
            <CheckCircleIcon className="size-5 shrink-0 text-emerald-600" aria-hidden="true" />
            {message}
          </p>
        </div>
      )}
    </div>
  );
}
