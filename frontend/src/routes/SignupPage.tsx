import { Navigate } from 'react-router';
import { TextLink } from '../components/ui/TextLink';
import { AuthCard } from '../features/auth/components/AuthCard';
import { SignupForm } from '../features/auth/components/SignupForm';
import { useMe } from '../features/auth/hooks/useMe';
import { useDocumentTitle } from '../lib/use-document-title';

export function SignupPage() {
  useDocumentTitle('Create an account');
  const { data: member } = useMe();
  if (member) return <Navigate to="/" replace />;

  return (
    <AuthCard
      title="Join Reloop"
      description="Sell what you no longer use and find pre-loved things from people you follow."
      footer={
        <>
          Already have an account? <TextLink to="/login">Sign in</TextLink>
        </>
      }
    >
      <SignupForm />
    </AuthCard>
  );
}
