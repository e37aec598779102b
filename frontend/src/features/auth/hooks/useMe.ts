import { useQuery } from '@tanstack/react-query';
import { fetchMe, type Me, meQueryKey } from '../api/me';

/** Who is signed in: `data` is the member, null for a visitor, undefined while loading. */
export function useMe() {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe });
}

/**
 * The signed-in member, for components rendered under `RequireMember`, which only renders
 * its children once `useMe()` has a member; anywhere else this is a programming error.
 */
export function useSignedInMember(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSignedInMember needs a signed-in member (use RequireMember)');
  return data;
}
