import { type InfiniteData, useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { flashState } from '../../../lib/flash';
import { useToast } from '../../../lib/toast';
import { isViewerData } from '../../auth/api/me';
import { homeFeedQueryKey } from '../../feed/api/feed';
import { type PublicProfile, publicProfileQueryKey } from '../../profile/api/public-profile';
import type { MemberPage } from '../api/follows';
import { type Restriction, restrictedQueryKey, setRestriction } from '../api/restrictions';

interface RestrictionChange {
  restriction: Restriction;
  on: boolean;
}

/**
 * Mutes, unmutes or blocks a member from their profile. A block hides the profile, so
 * the member leaves it for the home page, which says what happened; everything cached
 * may show the blocked member, so it is all fetched again.
 */
export function useRestrictFromProfile(username: string) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  return useMutation({
    mutationFn: ({ restriction, on }: RestrictionChange) =>
      setRestriction(username, restriction, on),
    onSuccess: async (_, { restriction, on }) => {
      void queryClient.invalidateQueries({ queryKey: restrictedQueryKey(restriction) });
      if (restriction === 'block') {
        // The page must be gone before its profile is: shown, it would refetch and 404.
        await navigate('/', {
          state: flashState(`You blocked @${username}. You can unblock them in Settings.`),
          flushSync: true,
        });
        queryClient.removeQueries({ queryKey: publicProfileQueryKey(username) });
        await queryClient.invalidateQueries({ predicate: isViewerData });
        return;
      }
      queryClient.setQueryData<PublicProfile>(publicProfileQueryKey(username), (profile) =>
        profile?.viewer ? { ...profile, viewer: { ...profile.viewer, muted: on } } : profile,
      );
      void queryClient.invalidateQueries({ queryKey: homeFeedQueryKey });
      toast.show(
        on
          ? `You muted @${username}. Their listings no longer show in your feed.`
          : `You unmuted @${username}.`,
        'info',
      );
    },
  });
}

/** Unblocks or unmutes a member from the settings list, which then leaves them out. */
export function useLiftRestriction(restriction: Restriction) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => setRestriction(username, restriction, false),
    onSuccess: async (_, username) => {
      queryClient.setQueryData<InfiniteData<MemberPage>>(
        restrictedQueryKey(restriction),
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({
              ...page,
              items: page.items.filter((member) => member.username !== username),
            })),
          },
      );
      // Their profile, listings and comments show again; follows do not come back.
      await queryClient.invalidateQueries({ predicate: isViewerData, refetchType: 'none' });
    },
  });
}
