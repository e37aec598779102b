import { useMutation, useQueryClient } from '@tanstack/react-query';
import { formErrorMessage } from '../../../lib/form-errors';
import { useToast } from '../../../lib/toast';
import { useMe } from '../../auth/hooks/useMe';
import { homeFeedQueryKey } from '../../feed/api/feed';
import { publicProfileQueryKey } from '../../profile/api/public-profile';
import { applyFollow } from '../api/follow-cache';
import { setFollow } from '../api/follows';

/**
 * Follows or unfollows a member: their profile and every member list change at once, the
 * server after, and a failure (such as a block between the two) puts them back and says
 * why. Like the reaction toggles, clicks are sent in order and only the last answer shows.
 */
export function useFollowToggle(username: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data: me } = useMe();
  const mutationKey = ['follow', username];
  return useMutation({
    mutationKey,
    scope: { id: `follow:${username}` },
    mutationFn: (following: boolean) => setFollow(username, following),
    onMutate: (following) => {
      applyFollow(queryClient, username, following);
    },
    onSuccess: (state) => {
      const isLatest = queryClient.isMutating({ mutationKey, exact: true }) <= 1;
      if (isLatest) applyFollow(queryClient, username, state.following, state.follower_count);
    },
    onError: (error, following) => {
      applyFollow(queryClient, username, !following);
      const what = following
        ? `You are not following @${username}.`
        : `You still follow @${username}.`;
      toast.show(`${what} ${formErrorMessage(error)}`);
    },
    onSettled: async () => {
      // The member's own following count and list, and their feed, are out of date; they
      // are not on screen now, so they load again when next shown.
      await Promise.all([
        me &&
          queryClient.invalidateQueries({
            queryKey: publicProfileQueryKey(me.username),
            refetchType: 'none',
          }),
        queryClient.invalidateQueries({ queryKey: homeFeedQueryKey, refetchType: 'none' }),
      ]);
    },
  });
}
