import { Navigate, useSearchParams } from 'react-router';
import { TextLink } from '../components/ui/TextLink';
import { AuthCard } from '../features/auth/components/AuthCard';
import { LoginForm } from '../features/auth/components/LoginForm';
import { useMe } from '../features/auth/hooks/useMe';
import { safeNextPath } from '../lib/safe-next';
import { useDocumentTitle } from '../lib/use-document-title';

export function LoginPage() {
  useDocumentTitle('Sign in');
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get('next'));
  const { data: member } = useMe();

  // Signing in fills `['me']`, which lands here too: one redirect for both cases.
  if (member) return <Navigate to={next} replace />;

  return (
    <AuthCard
      title="Sign in to Reloop"
      description={
        searchParams.has('next')
          ? 'Sign in to continue where you were.'
          : 'Welcome back. Sign in to buy, sell and follow.'
      }
      footer={
        <>
          New to Reloop? <TextLink to="/signup">Create an account</TextLink>
        </>
      }
    >
      <LoginForm />
    </AuthCard>
  );
}
