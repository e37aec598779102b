import type { Query, QueryClient } from '@tanstack/react-query';
import { apiClient } from '../../../api/client';
import type { components } from '../../../api/schema';
import { toApiError } from '../../../lib/api-error';

export type Me = components['schemas']['Me'];

/** The single source of who is signed in: a `Me`, or null for a visitor. */
export const meQueryKey = ['me'] as const;

/** Prefix of every query that holds one member's private data; dropped at sign-out. */
export const memberQueriesKey = ['member'] as const;

/** GET /me. Any 401 means "nobody is signed in", which is an answer, not a failure. */
export async function fetchMe(): Promise<Me | null> {
  const { data, error, response } = await apiClient.GET('/api/v1/me');
  if (data) return data;
  if (response.status === 401) return null;
  throw toApiError(response, error);
}

/**
 * Everything cached but who is signed in. Public data carries the viewer's own relation
 * to it too (liked, following, may edit), so it is only right for the viewer it was
 * fetched for.
 */
export function isViewerData(query: Query): boolean {
  return query.queryKey[0] !== meQueryKey[0];
}

/** After the viewer changed: what is on screen loads again, the rest is forgotten. */
export function resetViewerData(queryClient: QueryClient): void {
  void queryClient.resetQueries({ predicate: isViewerData });
}

/** Forget the member: the header turns to visitor and private data leaves the cache. */
export function clearMemberData(queryClient: QueryClient): void {
  queryClient.setQueryData<Me | null>(meQueryKey, null);
  queryClient.removeQueries({ queryKey: memberQueriesKey });
  resetViewerData(queryClient);
}
