import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import type { Comment } from '../api/comments';
import { commentErrorMessage } from '../comment-errors';
import { useDeleteComment } from '../hooks/useComments';

interface DeleteCommentDialogProps {
  comment: Comment;
  onClose: () => void;
}

export function DeleteCommentDialog({ comment, onClose }: DeleteCommentDialogProps) {
  const remove = useDeleteComment(comment);
  const hasReplies = comment.parent_id === null && comment.reply_count > 0;
  return (
    <ConfirmDialog
      open
      title="Delete this comment?"
      confirmLabel="Delete"
      tone="danger"
      pending={remove.isPending}
      error={remove.error ? commentErrorMessage(remove.error) : null}
      onCancel={onClose}
      onConfirm={() => {
        remove.mutate(undefined, { onSuccess: onClose });
      }}
    >
      {hasReplies
        ? 'It is removed for everyone; its replies stay, under "This comment was deleted". This cannot be undone.'
        : 'It is removed for everyone. This cannot be undone.'}
    </ConfirmDialog>
  );
}
