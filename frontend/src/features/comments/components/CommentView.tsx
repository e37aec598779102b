import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Link } from 'react-router';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { RelativeTime } from '../../../components/ui/RelativeTime';
import type { Comment } from '../api/comments';
import { commentErrorMessage } from '../comment-errors';
import { useEditComment } from '../hooks/useComments';
import { CommentForm } from './CommentForm';
import { CommentText } from './CommentText';
import { DeleteCommentDialog } from './DeleteCommentDialog';

const actionClasses =
  'rounded-md px-1.5 py-1 text-xs font-semibold text-stone-600 hover:bg-stone-100 hover:text-stone-900';

function CommentEditor({ comment, onDone }: { comment: Comment; onDone: () => void }) {
  const [body, setBody] = useState(comment.body);
  const edit = useEditComment(comment.id);
  return (
    <CommentForm
      label="Edit your comment"
      value={body}
      onChange={setBody}
      submitLabel="Save"
      pending={edit.isPending}
      error={edit.error ? commentErrorMessage(edit.error) : null}
      onCancel={onDone}
      autoFocus
      onSubmit={(text) => {
        edit.mutate(text, { onSuccess: onDone });
      }}
    />
  );
}

interface CommentViewProps {
  comment: Comment;
  /** Opens a reply to this comment; none where the member cannot reply. */
  onReply?: () => void;
}

/** One comment: who wrote it and when, the text, and what the viewer may do with it. */
export function CommentView({ comment, onReply }: CommentViewProps) {
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const { author } = comment;

  if (comment.deleted || !author) {
    return <p className="py-1 text-sm text-stone-500 italic">This comment was deleted</p>;
  }

  const stopEditing = () => {
    // Back to the Edit button, which only exists again once the editor is gone.
    flushSync(() => {
      setEditing(false);
    });
    editButton.current?.focus();
  };

  return (
    <article className="flex gap-3">
      <MemberAvatar
        name={author.display_name}
        avatar={author.avatar}
        className="size-8 text-sm"
        sizes="32px"
      />
      <div className="min-w-0 flex-1">
        <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <Link
            to={`/members/${author.username}`}
            className="font-semibold text-stone-900 hover:underline"
          >
            {author.display_name}
          </Link>
          <RelativeTime iso={comment.created_at} className="text-xs text-stone-500" />
          {comment.edited_at && <span className="text-xs text-stone-500">· edited</span>}
        </header>
        {editing ? (
          <div className="mt-2">
            <CommentEditor comment={comment} onDone={stopEditing} />
          </div>
        ) : (
          <>
            <CommentText body={comment.body} mentions={comment.mentions} />
            <div className="-ml-1.5 flex gap-1">
              {onReply && (
                <button
                  type="button"
                  onClick={onReply}
                  aria-label={`Reply to ${author.display_name}`}
                  className={actionClasses}
                >
                  Reply
                </button>
              )}
              {comment.can_edit && (
                <button
                  ref={editButton}
                  type="button"
                  aria-label="Edit your comment"
                  onClick={() => {
                    setEditing(true);
                  }}
                  className={actionClasses}
                >
                  Edit
                </button>
              )}
              {comment.can_delete && (
                <button
                  type="button"
                  onClick={() => {
                    setDeleting(true);
                  }}
                  aria-label={`Delete comment by ${author.display_name}`}
                  className={actionClasses}
                >
                  Delete
                </button>
              )}
            </div>
          </>
        )}
      </div>
      {deleting && (
        <DeleteCommentDialog
          comment={comment}
          onClose={() => {
            setDeleting(false);
          }}
        />
      )}
    </article>
  );
}
