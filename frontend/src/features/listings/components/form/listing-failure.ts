import { ApiError } from '../../../../lib/api-error';

/**
 * The sentence for a listing failure that needs more than the server's message, or null
 * to let the field errors and that message speak.
 */
export function listingFailure(error: unknown): string | null {
  if (error instanceof ApiError && error.code === 'email_not_verified') {
    return 'Confirm your email address to publish: open the link we emailed you. Meanwhile you can save this as a draft.';
  }
  return null;
}
