import { useSearchParams } from 'react-router';
import { ButtonLink } from '../components/ui/Button';
import { AuthCard } from '../features/auth/components/AuthCard';
import { useDocumentTitle } from '../lib/use-document-title';

export function CheckEmailPage() {
  useDocumentTitle('Check your email');
  const email = useSearchParams()[0].get('email');

  return (
    <AuthCard
      title="Check your email"
      description={
        email ? (
          <>
            We sent a confirmation link to{' '}
            <span className="font-semibold break-all text-stone-900">{email}</span>.
          </>
        ) : (
          'We sent a confirmation link to the address you signed up with.'
        )
      }
    >
      <ol className="list-decimal space-y-2 pl-5 text-sm leading-6 text-stone-700 marker:font-semibold marker:text-brand-700">
        <li>Open the email from Reloop. If it is not in your inbox, look in spam.</li>
        <li>Select the link in it to confirm your address. The link works once, so use it soon.</li>
        <li>Sign in. No email? Once signed in, you can ask for a new link.</li>
      </ol>
      <ButtonLink to="/login" className="mt-7 w-full">
        Sign in
      </ButtonLink>
    </AuthCard>
  );
}
