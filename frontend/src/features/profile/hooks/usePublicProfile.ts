import { useQuery } from '@tanstack/react-query';
import { fetchPublicProfile, publicProfileQueryKey } from '../api/public-profile';

export function usePublicProfile(username: string) {
  return useQuery({
    queryKey: publicProfileQueryKey(username),
    queryFn: () => fetchPublicProfile(username),
  });
}
