import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import { memberQueriesKey } from '../../auth/api/me';
import { MEMBERS_PER_PAGE, type MemberPage } from './follows';

/**
 * Blocking hides two members from each other; muting only takes someone's listings out
 * of the member's feed, without telling them.
 */
export type Restriction = 'block' | 'mute';

export function restrictedQueryKey(restriction: Restriction) {
  return [...memberQueriesKey, restriction] as const;
}

export async function setRestriction(
  username: string,
  restriction: Restriction,
  on: boolean,
): Promise<void> {
  const options = { params: { path: { username } } };
  if (restriction === 'block') {
    const path = '/api/v1/users/{username}/block';
    okOrThrow(await (on ? apiClient.PUT(path, options) : apiClient.DELETE(path, options)));
  } else {
    const path = '/api/v1/users/{username}/mute';
    okOrThrow(await (on ? apiClient.PUT(path, options) : apiClient.DELETE(path, options)));
  }
}

export async function fetchRestricted(
  restriction: Restriction,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MemberPage> {
  const options = { params: { query: { limit: MEMBERS_PER_PAGE, cursor } }, signal };
  return dataOrThrow(
    await (restriction === 'block'
      ? apiClient.GET('/api/v1/me/blocks', options)
      : apiClient.GET('/api/v1/me/mutes', options)),
  );
}
