import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { publicProfileQueryKey } from '../../profile/api/public-profile';

export type MemberCard = components['schemas']['MemberCard'];
export type MemberPage = components['schemas']['MemberPage'];
export type FollowState = components['schemas']['FollowState'];

/** Who follows a member, or whom they follow. */
export type Connection = 'followers' | 'following';

export const MEMBERS_PER_PAGE = 30;

/** Under the member's profile key, so a change to the profile makes them stale too. */
export function connectionsQueryKey(username: string, connection: Connection) {
  return [...publicProfileQueryKey(username), connection] as const;
}

export async function setFollow(username: string, following: boolean): Promise<FollowState> {
  const path = '/api/v1/users/{username}/follow';
  const options = { params: { path: { username } } };
  return dataOrThrow(
    await (following ? apiClient.PUT(path, options) : apiClient.DELETE(path, options)),
  );
}

export async function fetchConnections(
  username: string,
  connection: Connection,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<MemberPage> {
  const options = {
    params: { path: { username }, query: { limit: MEMBERS_PER_PAGE, cursor } },
    signal,
  };
  return dataOrThrow(
    await (connection === 'followers'
      ? apiClient.GET('/api/v1/users/{username}/followers', options)
      : apiClient.GET('/api/v1/users/{username}/following', options)),
  );
}
