import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { memberQueriesKey } from './me';

export type SessionInfo = components['schemas']['SessionInfo'];

export const sessionsQueryKey = [...memberQueriesKey, 'sessions'] as const;

export async function fetchSessions(): Promise<SessionInfo[]> {
  return dataOrThrow(await apiClient.GET('/api/v1/auth/sessions')).items;
}

export async function revokeSession(sessionId: string): Promise<void> {
  okOrThrow(
    await apiClient.DELETE('/api/v1/auth/sessions/{session_id}', {
      params: { path: { session_id: sessionId } },
    }),
  );
}
