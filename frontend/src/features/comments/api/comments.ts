import { apiClient } from '../../../api/client';
import { dataOrThrow, okOrThrow } from '../../../api/results';
import type { components } from '../../../api/schema';
import { itemQueryKey } from '../../listings/api/items';

export type Comment = components['schemas']['CommentOut'];
export type CommentPage = components['schemas']['CommentPage'];

/** The API's limit on a comment, after trimming. */
export const COMMENT_MAX_LENGTH = 1000;
const COMMENTS_PER_PAGE = 20;

/** Under the listing's key: dropping a listing drops its comments. */
export function commentsQueryKey(itemId: string) {
  return [...itemQueryKey(itemId), 'comments'] as const;
}

export function repliesQueryKey(commentId: string) {
  return ['comments', commentId, 'replies'] as const;
}

export async function fetchComments(
  itemId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/items/{item_id}/comments', {
      params: { path: { item_id: itemId }, query: { limit: COMMENTS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function fetchReplies(
  commentId: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CommentPage> {
  return dataOrThrow(
    await apiClient.GET('/api/v1/comments/{comment_id}/replies', {
      params: { path: { comment_id: commentId }, query: { limit: COMMENTS_PER_PAGE, cursor } },
      signal,
    }),
  );
}

export async function postComment(
  itemId: string,
  body: string,
  parentId: string | null,
): Promise<Comment> {
  return dataOrThrow(
    await apiClient.POST('/api/v1/items/{item_id}/comments', {
      params: { path: { item_id: itemId } },
      body: { body, parent_id: parentId },
    }),
  );
}

export async function editComment(commentId: string, body: string): Promise<Comment> {
  return dataOrThrow(
    await apiClient.PATCH('/api/v1/comments/{comment_id}', {
      params: { path: { comment_id: commentId } },
      body: { body },
    }),
  );
}

export async function deleteComment(commentId: string): Promise<void> {
  okOrThrow(
    await apiClient.DELETE('/api/v1/comments/{comment_id}', {
      params: { path: { comment_id: commentId } },
    }),
  );
}
