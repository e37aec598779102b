import { useSearchParams } from 'react-router';
import { EmailVerification, InvalidLinkCard } from '../features/auth/components/EmailVerification';
import { useMe } from '../features/auth/hooks/useMe';
import { useDocumentTitle } from '../lib/use-document-title';

export function VerifyEmailPage() {
  useDocumentTitle('Confirm your email');
  const token = useSearchParams()[0].get('token');
  const { data: member } = useMe();

  if (!token) return <InvalidLinkCard signedIn={Boolean(member)} />;
  // Keyed so that opening a second link in the same tab confirms that one too.
  return <EmailVerification key={token} token={token} />;
}
