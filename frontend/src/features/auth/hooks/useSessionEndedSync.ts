import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { onSessionEnded } from '../../../api/session-refresh';
import { clearMemberData } from '../api/me';

/**
 * When the API client finds the session over (the refresh was refused), the app shows
 * the visitor at once instead of waiting for the next failed request.
 */
export function useSessionEndedSync(): void {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      onSessionEnded(() => {
        clearMemberData(queryClient);
      }),
    [queryClient],
  );
}
