import { TextLink } from '../components/ui/TextLink';
import { AuthCard } from '../features/auth/components/AuthCard';
import { ForgotPasswordForm } from '../features/auth/components/ForgotPasswordForm';
import { useDocumentTitle } from '../lib/use-document-title';

export function ForgotPasswordPage() {
  useDocumentTitle('Forgot your password');
  return (
    <AuthCard
      title="Forgot your password?"
      description="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <>
          Remembered it? <TextLink to="/login">Sign in</TextLink>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
