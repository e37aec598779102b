import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { nextCursor } from '../../../api/pages';
import { addCachedComment, removeCachedComment, replaceCachedComment } from '../api/comment-cache';
import {
  type Comment,
  commentsQueryKey,
  deleteComment,
  editComment,
  fetchComments,
  fetchReplies,
  postComment,
  repliesQueryKey,
} from '../api/comments';

/** A listing's threads, oldest first, each with its first replies. */
export function useComments(itemId: string) {
  return useInfiniteQuery({
    queryKey: commentsQueryKey(itemId),
    queryFn: ({ pageParam, signal }) => fetchComments(itemId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
  });
}

/** Every reply of a thread, loaded once asked for (`enabled`). */
export function useReplies(commentId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: repliesQueryKey(commentId),
    queryFn: ({ pageParam, signal }) => fetchReplies(commentId, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: nextCursor,
    enabled,
  });
}

interface NewComment {
  body: string;
  /** The comment replied to; the API files a reply to a reply in its thread. */
  parentId: string | null;
}

export function usePostComment(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, parentId }: NewComment) => postComment(itemId, body, parentId),
    onSuccess: (created) => {
      addCachedComment(queryClient, created);
    },
  });
}

export function useEditComment(commentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => editComment(commentId, body),
    onSuccess: (edited) => {
      replaceCachedComment(queryClient, edited);
    },
  });
}

export function useDeleteComment(comment: Comment) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => deleteComment(comment.id),
    onSuccess: () => {
      removeCachedComment(queryClient, comment);
    },
  });
}
