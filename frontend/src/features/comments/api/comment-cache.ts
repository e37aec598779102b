import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { type ItemDetail, itemQueryKey } from '../../listings/api/items';
import { type Comment, type CommentPage, commentsQueryKey, repliesQueryKey } from './comments';

type CommentPages = InfiniteData<CommentPage>;

/** Each comment through `change`; null takes it out. */
function mapPages(data: CommentPages, change: (comment: Comment) => Comment | null): CommentPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.flatMap((comment) => change(comment) ?? []),
    })),
  };
}

/** Oldest first: a new comment belongs after the last one loaded. */
function append(data: CommentPages, comment: Comment): CommentPages {
  const last = data.pages.length - 1;
  return {
    ...data,
    pages: data.pages.map((page, index) =>
      index === last ? { ...page, items: [...page.items, comment] } : page,
    ),
  };
}

/** How a comment with replies stays once deleted, as the API sends it. */
function deletedMarker(comment: Comment): Comment {
  return {
    ...comment,
    deleted: true,
    body: '',
    author: null,
    mentions: [],
    can_edit: false,
    can_delete: false,
  };
}

function changeCommentCount(queryClient: QueryClient, itemId: string, delta: number): void {
  queryClient.setQueryData<ItemDetail>(
    itemQueryKey(itemId),
    (item) =>
      item && { ...item, counts: { ...item.counts, comments: item.counts.comments + delta } },
  );
}

/**
 * A new comment, at the end of its list. A reply joins its thread's first replies only
 * when those are all of them; otherwise it waits in the full list of replies.
 */
export function addCachedComment(queryClient: QueryClient, comment: Comment): void {
  const { item_id: itemId, parent_id: parentId } = comment;
  if (parentId === null) {
    queryClient.setQueryData<CommentPages>(
      commentsQueryKey(itemId),
      (data) => data && append(data, comment),
    );
  } else {
    queryClient.setQueryData<CommentPages>(
      commentsQueryKey(itemId),
      (data) =>
        data &&
        mapPages(data, (thread) => {
          if (thread.id !== parentId) return thread;
          const replies = thread.replies ?? [];
          const complete = replies.length >= thread.reply_count;
          return {
            ...thread,
            reply_count: thread.reply_count + 1,
            replies: complete ? [...replies, comment] : replies,
          };
        }),
    );
    queryClient.setQueryData<CommentPages>(
      repliesQueryKey(parentId),
      (data) => data && append(data, comment),
    );
  }
  changeCommentCount(queryClient, itemId, 1);
}

/** An edited comment in place. The API sends a thread's edit without its replies. */
export function replaceCachedComment(queryClient: QueryClient, edited: Comment): void {
  const replace = (comment: Comment): Comment =>
    comment.id === edited.id ? { ...edited, replies: comment.replies ?? [] } : comment;
  queryClient.setQueryData<CommentPages>(
    commentsQueryKey(edited.item_id),
    (data) =>
      data &&
      mapPages(data, (thread) => {
        const updated = replace(thread);
        return { ...updated, replies: (updated.replies ?? []).map(replace) };
      }),
  );
  if (edited.parent_id) {
    queryClient.setQueryData<CommentPages>(
      repliesQueryKey(edited.parent_id),
      (data) => data && mapPages(data, replace),
    );
  }
}

/**
 * A deleted comment out of its lists. A thread that still has replies stays as a marker,
 * so its replies still read as answers to something.
 */
export function removeCachedComment(queryClient: QueryClient, removed: Comment): void {
  const { item_id: itemId, parent_id: parentId } = removed;
  queryClient.setQueryData<CommentPages>(
    commentsQueryKey(itemId),
    (data) =>
      data &&
      mapPages(data, (thread) => {
        if (thread.id === removed.id) {
          return thread.reply_count > 0 ? deletedMarker(thread) : null;
        }
        if (thread.id !== parentId) return thread;
        return {
          ...thread,
          reply_count: thread.reply_count - 1,
          replies: (thread.replies ?? []).filter((reply) => reply.id !== removed.id),
        };
      }),
  );
  if (parentId) {
    queryClient.setQueryData<CommentPages>(
      repliesQueryKey(parentId),
      (data) => data && mapPages(data, (reply) => (reply.id === removed.id ? null : reply)),
    );
  }
  changeCommentCount(queryClient, itemId, -1);
}
