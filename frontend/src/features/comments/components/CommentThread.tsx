import { useState } from 'react';
import { LoadMore } from '../../../components/ui/LoadMore';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import type { Comment } from '../api/comments';
import { useReplies } from '../hooks/useComments';
import { CommentComposer } from './CommentComposer';
import { CommentView } from './CommentView';

/** Every reply of a thread, page by page, once the member asked to see them all. */
function AllReplies({ thread, onReply }: { thread: Comment; onReply?: (to: Comment) => void }) {
  const pages = useReplies(thread.id, true);
  const { data, error, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;
  if (!data) {
    return error ? (
      <p role="alert" className="text-sm font-medium text-red-700">
        {formErrorMessage(error)}
      </p>
    ) : (
      <p role="status" className="flex items-center gap-2 text-sm text-stone-600">
        <Spinner className="size-4 text-brand-700" />
        Loading replies…
      </p>
    );
  }
  return (
    <>
      <ReplyList replies={data.pages.flatMap((page) => page.items)} onReply={onReply} />
      <LoadMore
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}

function ReplyList({ replies, onReply }: { replies: Comment[]; onReply?: (to: Comment) => void }) {
  if (replies.length === 0) return null;
  return (
    <ul className="space-y-4">
      {replies.map((reply) => (
        <li key={reply.id}>
          <CommentView
            comment={reply}
            onReply={
              onReply &&
              (() => {
                onReply(reply);
              })
            }
          />
        </li>
      ))}
    </ul>
  );
}

interface CommentThreadProps {
  thread: Comment;
  /** The member may reply: signed in, and the listing takes comments. */
  canReply: boolean;
}

/**
 * A top-level comment with its replies: the first few come with it, the rest on demand.
 * Replying to anyone in the thread opens one reply box under it, starting with a mention.
 */
export function CommentThread({ thread, canReply }: CommentThreadProps) {
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const [showAll, setShowAll] = useState(false);
  const inline = thread.replies ?? [];
  const hidden = thread.reply_count > inline.length;
  // The API takes no replies in a thread whose first comment is deleted.
  const onReply = canReply && !thread.deleted ? setReplyTo : undefined;

  return (
    <div className="space-y-4">
      <CommentView
        comment={thread}
        onReply={
          onReply &&
          (() => {
            onReply(thread);
          })
        }
      />
      <div className="space-y-4 border-l-2 border-stone-200 pl-4 sm:ml-4 sm:pl-6 empty:hidden">
        {showAll ? (
          <AllReplies thread={thread} onReply={onReply} />
        ) : (
          <ReplyList replies={inline} onReply={onReply} />
        )}
        {!showAll && hidden && (
          <button
            type="button"
            onClick={() => {
              setShowAll(true);
            }}
            className="text-sm font-semibold text-brand-700 hover:text-brand-900 hover:underline"
          >
            View all {thread.reply_count} replies
          </button>
        )}
        {replyTo && (
          <CommentComposer
            key={replyTo.id}
            itemId={thread.item_id}
            parentId={thread.id}
            label={`Reply to ${replyTo.author?.display_name ?? 'this comment'}`}
            initialBody={replyTo.author ? `@${replyTo.author.username} ` : ''}
            onCancel={() => {
              setReplyTo(null);
            }}
            onPosted={() => {
              setReplyTo(null);
              if (hidden) setShowAll(true);
            }}
          />
        )}
      </div>
    </div>
  );
}
