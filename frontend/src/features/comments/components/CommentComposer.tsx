import { useState } from 'react';
import { commentErrorMessage } from '../comment-errors';
import { usePostComment } from '../hooks/useComments';
import { CommentForm } from './CommentForm';

interface CommentComposerProps {
  itemId: string;
  /** The comment answered; none for a new thread. */
  parentId?: string | null;
  label?: string;
  /** Starting text, such as "@ana " for a reply. */
  initialBody?: string;
  /** A reply form opened by a click takes the focus and can be closed. */
  onCancel?: () => void;
  onPosted?: () => void;
}

/** Writes a comment, or a reply when `parentId` is given. */
export function CommentComposer({
  itemId,
  parentId = null,
  label = 'Add a comment',
  initialBody = '',
  onCancel,
  onPosted,
}: CommentComposerProps) {
  const [body, setBody] = useState(initialBody);
  const post = usePostComment(itemId);
  return (
    <CommentForm
      label={label}
      value={body}
      onChange={setBody}
      submitLabel={parentId ? 'Reply' : 'Post comment'}
      pending={post.isPending}
      error={post.error ? commentErrorMessage(post.error) : null}
      onCancel={onCancel}
      autoFocus={Boolean(onCancel)}
      onSubmit={(text) => {
        post.mutate(
          { body: text, parentId },
          {
            onSuccess: () => {
              setBody('');
              onPosted?.();
            },
          },
        );
      }}
    />
  );
}
