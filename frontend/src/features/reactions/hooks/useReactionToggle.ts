import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { formErrorMessage } from '../../../lib/form-errors';
import { useToast } from '../../../lib/toast';
import { applyLike, applySave } from '../api/reaction-cache';
import { myLikesQueryKey, mySavesQueryKey, setLike, setSave } from '../api/reactions';

export type ReactionKind = 'like' | 'save';

interface Reaction {
  /** Sets the reaction on the server; answers the flag and the count there. */
  send: (itemId: string, on: boolean) => Promise<{ on: boolean; count: number }>;
  apply: (queryClient: QueryClient, itemId: string, on: boolean, count?: number) => void;
  /** The member's own list of such listings, stale after any change. */
  listKey: readonly string[];
  failure: (on: boolean) => string;
}

const REACTIONS: Record<ReactionKind, Reaction> = {
  like: {
    send: async (itemId, on) => {
      const state = await setLike(itemId, on);
      return { on: state.liked, count: state.like_count };
    },
    apply: applyLike,
    listKey: myLikesQueryKey,
    failure: (on) => (on ? 'Your like was not saved.' : 'Your like was not removed.'),
  },
  save: {
    send: async (itemId, on) => {
      const state = await setSave(itemId, on);
      return { on: state.saved, count: state.save_count };
    },
    apply: applySave,
    listKey: mySavesQueryKey,
    failure: (on) =>
      on ? 'The listing was not saved.' : 'The listing was not removed from your saves.',
  },
};

/**
 * Likes or saves a listing: the cache changes at once, the server after, and a failure
 * puts the cache back and says why. Clicks on one listing are sent in order (one mutation
 * scope per listing and kind), and the server's answer is only written when no later
 * click is waiting, so a quick like-unlike does not flicker back.
 */
export function useReactionToggle(kind: ReactionKind, itemId: string) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const reaction = REACTIONS[kind];
  const mutationKey = [kind, itemId];
  return useMutation({
    mutationKey,
    scope: { id: `${kind}:${itemId}` },
    mutationFn: (on: boolean) => reaction.send(itemId, on),
    onMutate: (on) => {
      reaction.apply(queryClient, itemId, on);
    },
    onSuccess: (state) => {
      const isLatest = queryClient.isMutating({ mutationKey, exact: true }) <= 1;
      if (isLatest) reaction.apply(queryClient, itemId, state.on, state.count);
    },
    onError: (error, on) => {
      reaction.apply(queryClient, itemId, !on);
      toast.show(`${reaction.failure(on)} ${formErrorMessage(error)}`);
    },
    onSettled: () =>
      queryClient.invalidateQueries({ queryKey: reaction.listKey, refetchType: 'none' }),
  });
}
