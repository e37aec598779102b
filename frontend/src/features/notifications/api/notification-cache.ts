import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { itemQueryKey } from '../../listings/api/items';
import {
  type Notification,
  type NotificationPage,
  notificationPagesQueryKey,
  type ReadTarget,
  type UnreadCount,
  unreadCountQueryKey,
} from './notifications';

/** What each event of the live stream says: the unread count and what changed lately. */
export interface StreamSnapshot {
  unread: number;
  notifications: Notification[];
}

type NotificationPages = InfiniteData<NotificationPage>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The snapshot in an event's data, or null for anything else. */
export function parseSnapshot(data: unknown): StreamSnapshot | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isRecord(parsed) || typeof parsed.unread !== 'number') return null;
  if (!Array.isArray(parsed.notifications)) return null;
  return { unread: parsed.unread, notifications: parsed.notifications as Notification[] };
}

function newestFirst(a: Notification, b: Notification): number {
  return Date.parse(b.updated_at) - Date.parse(a.updated_at);
}

/**
 * Puts changed notifications at the top of the list, newest first. One that grew (another
 * like on the same listing) leaves its old place, wherever that was.
 */
function mergeChanged(data: NotificationPages, changed: Notification[]): NotificationPages {
  const ids = new Set(changed.map((notification) => notification.id));
  const pages = data.pages.map((page, index) => {
    const kept = page.items.filter((notification) => !ids.has(notification.id));
    return { ...page, items: index === 0 ? [...changed, ...kept].sort(newestFirst) : kept };
  });
  return { ...data, pages };
}

/**
 * Applies a stream event: the count as told, the changed notifications in the list. A
 * listing someone just liked or commented on has changed too, so what the cache holds of
 * it (detail and comments) loads again, at once if it is on screen.
 */
export function applySnapshot(queryClient: QueryClient, snapshot: StreamSnapshot): void {
  queryClient.setQueryData<UnreadCount>(unreadCountQueryKey, { count: snapshot.unread });
  if (snapshot.notifications.length === 0) return;
  queryClient.setQueryData<NotificationPages>(
    notificationPagesQueryKey,
    (data) => data && mergeChanged(data, snapshot.notifications),
  );
  const itemIds = new Set(snapshot.notifications.flatMap(({ item }) => (item ? [item.id] : [])));
  for (const itemId of itemIds) {
    void queryClient.invalidateQueries({ queryKey: itemQueryKey(itemId) });
  }
}

/** Marks notifications read in the list, and takes the ones that were unread off the count. */
export function markCachedRead(queryClient: QueryClient, target: ReadTarget): void {
  const matches = (notification: Notification) =>
    target === 'all' || target.ids.includes(notification.id);
  let newlyRead = 0;
  queryClient.setQueryData<NotificationPages>(
    notificationPagesQueryKey,
    (data) =>
      data && {
        ...data,
        pages: data.pages.map((page) => ({
          ...page,
          items: page.items.map((notification) => {
            if (notification.read || !matches(notification)) return notification;
            newlyRead += 1;
            return { ...notification, read: true };
          }),
        })),
      },
  );
  queryClient.setQueryData<UnreadCount>(
    unreadCountQueryKey,
    (unread) => unread && { count: target === 'all' ? 0 : Math.max(0, unread.count - newlyRead) },
  );
}
