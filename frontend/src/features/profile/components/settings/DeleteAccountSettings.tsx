import { zodResolver } from '@hookform/resolvers/zod';
import { ExclamationTriangleIcon } from '@heroicons/react/24/outline';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert } from '../../../../components/ui/FormAlert';
import { PasswordField } from '../../../../components/ui/PasswordField';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { TextField } from '../../../../components/ui/TextField';
import { applyServerErrors } from '../../../../lib/form-errors';
import { useLeaveAsVisitor } from '../../../auth/hooks/useSignOut';
import { currentPasswordSchema } from '../../../auth/validation';
import { deleteAccount } from '../../api/account';
import { SettingsSection } from './SettingsSection';

const deletionSchema = z.object({
  password: currentPasswordSchema,
  confirm: z.string().refine((value) => value === 'DELETE', 'Type DELETE, in capitals.'),
});

// The check narrows `confirm` to "DELETE", so what is typed and what is valid differ.
type DeletionInput = z.input<typeof deletionSchema>;
type DeletionValues = z.output<typeof deletionSchema>;

export function DeleteAccountSettings() {
  const leave = useLeaveAsVisitor();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<DeletionInput, unknown, DeletionValues>({
    resolver: zodResolver(deletionSchema),
    defaultValues: { password: '', confirm: '' },
  });
  const remove = useMutation({
    mutationFn: deleteAccount,
    onSuccess: () => leave('Your account is deleted. Thank you for being part of Reloop.'),
  });

  const onSubmit = handleSubmit(({ password }) => {
    if (remove.isPending) return;
    setFormError(null);
    remove.mutate(password, {
      onError: (error) => {
        setFormError(
          applyServerErrors(error, setError, { password: 'password', confirm: 'confirm' }),
        );
      },
    });
  });

  return (
    <SettingsSection
      title="Delete account"
      tone="danger"
      description="Deleting your account cannot be undone."
    >
      <div className="flex max-w-xl items-start gap-3 rounded-xl bg-red-50 px-4 py-4 text-sm leading-6 text-red-900 ring-1 ring-red-200">
        <ExclamationTriangleIcon className="size-6 shrink-0 text-red-600" aria-hidden="true" />
        <ul className="list-disc space-y-1 pl-4">
          <li>Your profile, email address, bio and location are removed for good.</li>
          <li>You are signed out on every device, and cannot sign in again.</li>
          <li>Reviews you wrote stay, under the name “Deleted member”.</li>
        </ul>
      </div>
      <form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="mt-6 max-w-xl space-y-5"
      >
        {formError && <FormAlert>{formError}</FormAlert>}
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <TextField
          label="Type DELETE to confirm"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          error={errors.confirm?.message}
          {...register('confirm')}
        />
        <SubmitButton variant="danger" pending={remove.isPending}>
          Delete my account
        </SubmitButton>
      </form>
    </SettingsSection>
  );
}
