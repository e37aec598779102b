import { BellIcon } from '@heroicons/react/24/outline';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import { EmptyState } from '../../listings/components/EmptyState';
import { useMarkRead, useNotificationPages, useUnreadCount } from '../hooks/useNotifications';
import { NotificationRow } from './NotificationRow';

function NotificationList() {
  const pages = useNotificationPages();
  const markRead = useMarkRead();
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;

  if (pages.isPending) {
    return (
      <p role="status" className="flex items-center gap-3 py-6 text-stone-700">
        <Spinner />
        Loading notifications…
      </p>
    );
  }
  if (!data) {
    return (
      <FormAlert>
        {formErrorMessage(error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  const notifications = data.pages.flatMap((page) => page.items);
  if (notifications.length === 0) {
    return (
      <EmptyState icon={BellIcon} title="No notifications yet">
        When someone follows you, or likes or comments on your listings, you hear it here.
      </EmptyState>
    );
  }
  return (
    <>
      <ul
        aria-label="Your notifications"
        className="divide-y divide-stone-100 overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {notifications.map((notification) => (
          <li key={notification.id}>
            <NotificationRow
              notification={notification}
              onOpen={(opened) => {
                if (!opened.read) markRead.mutate({ ids: [opened.id] });
              }}
            />
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}

/** Every notification, newest first; opening one marks it read. */
export function NotificationInbox() {
  // Unknown until the live stream's first event.
  const unread = useUnreadCount();
  const markRead = useMarkRead();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight text-stone-900">Notifications</h1>
          {unread !== undefined && (
            <p className="mt-1 text-base text-stone-600">
              {unread > 0 ? `${unread} unread` : 'You are all caught up.'}
            </p>
          )}
        </div>
        {unread !== undefined && unread > 0 && (
          <Button
            variant="secondary"
            onClick={() => {
              markRead.mutate('all');
            }}
          >
            Mark all as read
          </Button>
        )}
      </div>
      <NotificationList />
    </div>
  );
}
