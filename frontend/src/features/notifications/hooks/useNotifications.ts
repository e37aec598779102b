import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { markCachedRead } from '../api/notification-cache';
import {
  fetchNotifications,
  fetchUnreadCount,
  markNotificationsRead,
  notificationPagesQueryKey,
  type ReadTarget,
  type UnreadCount,
  unreadCountQueryKey,
} from '../api/notifications';

/**
 * The unread count, as the live stream (or its polling) last told it: this only reads
 * the cache, so a bell or a page never asks the server for it on its own.
 */
export function useUnreadCount(): number | undefined {
  const { data } = useQuery({
    queryKey: unreadCountQueryKey,
    queryFn: fetchUnreadCount,
    enabled: false,
  });
  return data?.count;
}

/** The member's notifications, most recently changed first. */
export function useNotificationPages() {
  return useInfiniteQuery({
    queryKey: notificationPagesQueryKey,
    queryFn: ({ pageParam, signal }) => fetchNotifications(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/** Marks notifications read: at once on screen, then the server's count. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (target: ReadTarget) => markNotificationsRead(target),
    onMutate: (target) => {
      markCachedRead(queryClient, target);
    },
    onSuccess: (unread) => {
      queryClient.setQueryData<UnreadCount>(unreadCountQueryKey, unread);
    },
    // Not worth a message: the list and count come back as the server has them.
    onError: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: notificationPagesQueryKey }),
        queryClient.invalidateQueries({ queryKey: unreadCountQueryKey }),
      ]),
  });
}
