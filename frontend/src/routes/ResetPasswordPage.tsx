import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ButtonLink } from '../components/ui/Button';
import { TextLink } from '../components/ui/TextLink';
import { AuthCard } from '../features/auth/components/AuthCard';
import { ResetPasswordForm } from '../features/auth/components/ResetPasswordForm';
import { useDocumentTitle } from '../lib/use-document-title';

export function ResetPasswordPage() {
  useDocumentTitle('Choose a new password');
  const token = useSearchParams()[0].get('token');
  const [done, setDone] = useState(false);

  if (done) {
    return (
      <AuthCard
        title="Password changed"
        description="Your new password is set, and every device that was signed in has been signed out. Sign in with the new password."
      >
        <ButtonLink to="/login" className="w-full">
          Sign in
        </ButtonLink>
      </AuthCard>
    );
  }

  if (!token) {
    return (
      <AuthCard
        title="This reset link is incomplete"
        description="Open the link from the email again, or ask for a new one."
      >
        <ButtonLink to="/forgot-password" className="w-full">
          Ask for a new link
        </ButtonLink>
      </AuthCard>
    );
  }

  return (
    <AuthCard
      title="Choose a new password"
      description="You will use it to sign in from now on."
      footer={
        <>
          Remembered it? <TextLink to="/login">Sign in</TextLink>
        </>
      }
    >
      <ResetPasswordForm
        token={token}
        onReset={() => {
          setDone(true);
        }}
      />
    </AuthCard>
  );
}
