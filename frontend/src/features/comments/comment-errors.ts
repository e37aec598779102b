import { ApiError } from '../../lib/api-error';
import { formErrorMessage } from '../../lib/form-errors';
import { formatWait } from '../../lib/format';

/** What went wrong with a comment, in words for the person writing it. */
export function commentErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return formErrorMessage(error);
  if (error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === null
      ? 'You are commenting very fast. Wait a minute, then try again.'
      : `You are commenting very fast. Try again in ${formatWait(wait)}.`;
  }
  switch (error.code) {
    case 'member_blocked':
      return 'You cannot comment here: a block between you and this member prevents it.';
    case 'email_not_verified':
      return 'Confirm your email address to comment: use the link we sent you.';
    case 'item_not_commentable':
      return 'This listing no longer takes comments.';
    case 'edit_window_closed':
      return 'Comments can only be edited for 15 minutes after posting.';
    case 'comment_not_found':
      return 'That comment has been deleted.';
    default:
      return formErrorMessage(error);
  }
}
