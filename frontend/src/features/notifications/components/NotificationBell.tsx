import { CloseButton, Popover, PopoverButton, PopoverPanel, useClose } from '@headlessui/react';
import { BellIcon } from '@heroicons/react/24/outline';
import { Link } from 'react-router';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { useMarkRead, useNotificationPages, useUnreadCount } from '../hooks/useNotifications';
import { NotificationRow } from './NotificationRow';

const LATEST_SHOWN = 8;

function LatestNotifications() {
  const pages = useNotificationPages();
  const markRead = useMarkRead();
  const unread = useUnreadCount() ?? 0;
  const close = useClose();
  const latest = pages.data?.pages[0]?.items.slice(0, LATEST_SHOWN) ?? [];

  let body;
  if (pages.isPending) {
    body = (
      <p role="status" className="flex items-center gap-3 px-4 py-6 text-sm text-stone-700">
        <Spinner />
        Loading notifications…
      </p>
    );
  } else if (!pages.data) {
    body = (
      <p role="alert" className="px-4 py-6 text-sm font-medium text-red-700">
        {formErrorMessage(pages.error)}
      </p>
    );
  } else if (latest.length === 0) {
    body = (
      <p className="px-4 py-6 text-sm text-stone-600">
        Nothing yet. Follows, likes and comments on your listings show here.
      </p>
    );
  } else {
    body = (
      <ul
        aria-label="Latest notifications"
        className="max-h-[min(28rem,70vh)] divide-y divide-stone-100 overflow-y-auto"
      >
        {latest.map((notification) => (
          <li key={notification.id}>
            <NotificationRow
              notification={notification}
              onOpen={(opened) => {
                if (!opened.read) markRead.mutate({ ids: [opened.id] });
                close();
              }}
            />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <div className="flex items-center justify-between gap-3 border-b border-stone-200 px-4 py-3">
        <h2 className="text-base font-bold text-stone-900">Notifications</h2>
        {unread > 0 && (
          <button
            type="button"
            onClick={() => {
              markRead.mutate('all');
            }}
            className="rounded-md px-1.5 py-1 text-sm font-semibold text-brand-700 hover:bg-brand-50"
          >
            Mark all as read
          </button>
        )}
      </div>
      {body}
      <div className="border-t border-stone-200 p-2">
        <CloseButton
          as={Link}
          to="/notifications"
          className="block rounded-lg px-3 py-2 text-center text-sm font-semibold text-brand-700 hover:bg-stone-100"
        >
          See all notifications
        </CloseButton>
      </div>
    </>
  );
}

/**
 * The header's bell: the live unread count (kept by `useNotificationStream`) and, opened,
 * the latest notifications. Opening one marks it read and goes where it points.
 */
export function NotificationBell() {
  const unread = useUnreadCount() ?? 0;
  return (
    <Popover>
      <PopoverButton
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : 'Notifications'}
        className="relative inline-flex size-10 items-center justify-center rounded-full text-stone-700 hover:bg-stone-100 hover:text-stone-900 data-open:bg-stone-100"
      >
        <BellIcon className="size-6" aria-hidden="true" />
        {unread > 0 && (
          <span
            data-testid="unread-count"
            aria-hidden="true"
            className="absolute top-0.5 right-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-rose-600 px-1 text-xs font-bold text-white tabular-nums ring-2 ring-white"
          >
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </PopoverButton>
      <PopoverPanel
        anchor="bottom end"
        className="z-50 w-[min(24rem,calc(100vw-2rem))] rounded-2xl bg-white shadow-lg ring-1 ring-stone-200 [--anchor-gap:8px] focus:outline-none"
      >
        <LatestNotifications />
      </PopoverPanel>
    </Popover>
  );
}
