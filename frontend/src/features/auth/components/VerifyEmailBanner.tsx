import { EnvelopeIcon, XMarkIcon } from '@heroicons/react/20/solid';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { ApiError } from '../../../lib/api-error';
import { formErrorMessage } from '../../../lib/form-errors';
import { formatWait } from '../../../lib/format';
import { resendVerification } from '../api/auth';
import { useMe } from '../hooks/useMe';

function resendFailure(error: Error): string {
  if (error instanceof ApiError && error.status === 429) {
    const wait = error.retryAfterSeconds;
    return wait === null
      ? 'A link was sent recently. Try again later.'
      : `A link was sent recently. Try again in ${formatWait(wait)}.`;
  }
  return formErrorMessage(error);
}

/**
 * Reminds an unverified member to confirm their address, under the header. Closing it
 * hides it for this page visit only (keyed by the history entry): the next page shows it
 * again, because until the address is confirmed most of the marketplace is closed to them.
 */
export function VerifyEmailBanner() {
  const { data: member } = useMe();
  const { key: visit } = useLocation();
  const [dismissedOn, setDismissedOn] = useState<string | null>(null);
  const resend = useMutation({ mutationFn: resendVerification });

  if (!member || member.email_verified || dismissedOn === visit) return null;

  return (
    <aside
      aria-label="Email confirmation"
      className="border-b border-accent-300 bg-amber-50 text-amber-950"
    >
      <div className="mx-auto flex max-w-6xl items-start gap-3 px-4 py-3 sm:px-6">
        <EnvelopeIcon className="mt-0.5 size-5 shrink-0 text-amber-700" aria-hidden="true" />
        <div className="min-w-0 flex-1 text-sm leading-6 break-words">
          <p>
            Confirm your email to sell, buy, comment and follow.{' '}
            <button
              type="button"
              onClick={() => {
                if (!resend.isPending) resend.mutate();
              }}
              className="rounded font-semibold text-amber-900 underline underline-offset-2 hover:text-amber-950"
            >
              Resend the link
            </button>
          </p>
          <p role="status" className="font-medium">
            {resend.isPending && 'Sending…'}
            {resend.isSuccess && `We sent a new link to ${member.email}.`}
            {resend.error && resendFailure(resend.error)}
          </p>
        </div>
        <button
          type="button"
          onClick={() => {
            setDismissedOn(visit);
          }}
          aria-label="Dismiss"
          className="-m-1.5 rounded-lg p-1.5 text-amber-800 hover:bg-amber-100"
        >
          <XMarkIcon className="size-5" aria-hidden="true" />
        </button>
      </div>
    </aside>
  );
}
