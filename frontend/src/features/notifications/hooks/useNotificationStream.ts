import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { applySnapshot, parseSnapshot } from '../api/notification-cache';
import {
  fetchUnreadCount,
  NOTIFICATION_STREAM_URL,
  unreadCountQueryKey,
} from '../api/notifications';

/** How often the unread count is asked for while the stream is down. */
const POLL_INTERVAL_MS = 30_000;

type StreamStatus = 'connecting' | 'open' | 'down';

/**
 * Keeps the member's unread count and notification list live, for the whole app: mount
 * it once, in the layout. Each event of the server's stream updates the caches the bell
 * and the notifications page read. While the stream is down the count is polled instead;
 * the browser reconnects a dropped stream by itself (with Last-Event-ID, so nothing is
 * missed), and one the server refused is opened again after a poll interval.
 */
export function useNotificationStream(enabled: boolean): void {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>(() =>
    typeof EventSource === 'undefined' ? 'down' : 'connecting',
  );
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(NOTIFICATION_STREAM_URL, { withCredentials: true });
    let reopen: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('open', () => {
      setStatus('open');
    });
    source.addEventListener('notifications', (event: MessageEvent) => {
      const snapshot = parseSnapshot(event.data);
      if (snapshot) applySnapshot(queryClient, snapshot);
    });
    source.addEventListener('error', () => {
      setStatus('down');
      // Refused (such as a 401 once the access token expired) rather than dropped: the
      // browser gives up, so try again later, by when polling has refreshed the session.
      if (source.readyState === EventSource.CLOSED) {
        reopen = setTimeout(() => {
          setAttempt((count) => count + 1);
        }, POLL_INTERVAL_MS);
      }
    });
    return () => {
      clearTimeout(reopen);
      source.close();
    };
  }, [enabled, attempt, queryClient]);

  useQuery({
    queryKey: unreadCountQueryKey,
    queryFn: fetchUnreadCount,
    enabled: enabled && status === 'down',
    refetchInterval: POLL_INTERVAL_MS,
  });
}
