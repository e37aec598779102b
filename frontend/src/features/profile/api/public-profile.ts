import { apiClient } from '../../../api/client';
import { dataOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';

export type PublicProfile = components['schemas']['PublicProfile'];

export function publicProfileQueryKey(username: string) {
  return ['users', username] as const;
}

export async function fetchPublicProfile(username: string): Promise<PublicProfile> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/users/{username}', { params: { path: { username } } }),
  );
}
