import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { memberQueriesKey } from '../../auth/api/me';

export type Notification = components['schemas']['NotificationOut'];
export type NotificationPage = components['schemas']['NotificationPage'];
export type NotificationSetting = components['schemas']['NotificationSetting'];
export type NotificationType = components['schemas']['NotificationType'];
export type Channel = components['schemas']['Channel'];
export type UnreadCount = components['schemas']['UnreadCount'];

/** Same-origin, so the browser sends the session cookie with the stream. */
export const NOTIFICATION_STREAM_URL = '/api/v1/notifications/stream';

const notificationsKey = [...memberQueriesKey, 'notifications'] as const;
export const notificationPagesQueryKey = [...notificationsKey, 'pages'] as const;
export const unreadCountQueryKey = [...notificationsKey, 'unread-count'] as const;
export const notificationSettingsQueryKey = [...memberQueriesKey, 'notification-settings'] as const;

const NOTIFICATIONS_PER_PAGE = 20;

/** Which notifications to mark read: some by id, or all of them. */
export type ReadTarget = { ids: string[] } | 'all';

export async function fetchNotifications(
  cursor: string | null,
  signal?: AbortSignal,
): Promise<NotificationPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/notifications', {
      params: { query: { limit: NOTIFICATIONS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function fetchUnreadCount(): Promise<UnreadCount> {
  return dataOrThrow(await apiClient.GET('/api/v1/notifications/unread-count'));
}

export async function markNotificationsRead(target: ReadTarget): Promise<UnreadCount> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/notifications/read', {
      body: target === 'all' ? { all: true } : { ids: target.ids, all: false },
    }),
  );
}

export async function fetchNotificationSettings(): Promise<NotificationSetting[]> {
  return dataOrThrow(await apiClient.GET('/api/v1/me/notification-settings')).settings;
}

export async function saveNotificationSettings(
  channels: Partial<Record<NotificationType, Channel>>,
): Promise<NotificationSetting[]> {
  return dataOrThrow(
    await apiClient.PUT('/api/v1/me/notification-settings', { body: { settings: channels } }),
  ).settings;
}
