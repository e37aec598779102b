import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { ButtonLink } from '../../../components/ui/Button';
import { Spinner } from '../../../components/ui/Spinner';
import { ApiError } from '../../../lib/api-error';
import { formErrorMessage } from '../../../lib/form-errors';
import { verifyEmail } from '../api/auth';
import { meQueryKey } from '../api/me';
import { useMe } from '../hooks/useMe';
import { AuthCard } from './AuthCard';

/** What to do when a link fails: get a new one from the banner, after signing in. */
export function InvalidLinkCard({ signedIn }: { signedIn: boolean }) {
  return (
    <AuthCard
      title="This link is invalid or has expired"
      description={
        signedIn
          ? 'Each link works once, for a limited time. Use “Resend the link” in the banner at the top of the page to get a new one.'
          : 'Each link works once, for a limited time. Sign in, then use “Resend the link” in the banner at the top of the page to get a new one.'
      }
    >
      {signedIn ? (
        <ButtonLink to="/" className="w-full">
          Go to the home page
        </ButtonLink>
      ) : (
        <ButtonLink to="/login" className="w-full">
          Sign in
        </ButtonLink>
      )}
    </AuthCard>
  );
}

/**
 * Confirms the address in the link (a new account's, or a changed one) once, when the
 * page opens. The ref keeps StrictMode's second effect run from spending the token twice.
 */
export function EmailVerification({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const {
    mutate,
    data: email,
    error,
    isError,
  } = useMutation({
    mutationFn: verifyEmail,
    // The banner and the settings read `email` and `email_verified` from `['me']`.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    mutate(token);
  }, [mutate, token]);

  if (isError) {
    if (error instanceof ApiError && error.code === 'invalid_token') {
      return <InvalidLinkCard signedIn={Boolean(me)} />;
    }
    return (
      <AuthCard title="We could not confirm your email" description={formErrorMessage(error)}>
        <ButtonLink to="/" variant="secondary" className="w-full">
          Go to the home page
        </ButtonLink>
      </AuthCard>
    );
  }

  if (email === undefined) {
    return (
      <AuthCard title="Confirming your email">
        <p role="status" className="flex items-center gap-3 text-stone-700">
          <Spinner />
          One moment…
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Email confirmed"
      description={
        <>
          <span className="font-semibold break-all text-stone-900">{email}</span> is confirmed. You
          can now sell, buy, comment and follow on Reloop.
        </>
      }
    >
      {me ? (
        <ButtonLink to="/" className="w-full">
          Continue
        </ButtonLink>
      ) : (
        <ButtonLink to="/login" className="w-full">
          Sign in to continue
        </ButtonLink>
      )}
    </AuthCard>
  );
}
