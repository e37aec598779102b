import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { PasswordField } from '../../../../components/ui/PasswordField';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { applyServerErrors } from '../../../../lib/form-errors';
import { sessionsQueryKey } from '../../../auth/api/sessions';
import { currentPasswordSchema, newPasswordSchema, PASSWORD_RULE } from '../../../auth/validation';
import { changePassword } from '../../api/account';
import { SettingsSection } from './SettingsSection';

const passwordChangeSchema = z
  .object({
    current_password: currentPasswordSchema,
    new_password: newPasswordSchema,
    confirmation: z.string(),
  })
  .refine((values) => values.new_password === values.confirmation, {
    path: ['confirmation'],
    message: 'The two new passwords do not match.',
  });

type PasswordChangeValues = z.infer<typeof passwordChangeSchema>;

export function PasswordSettings() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<PasswordChangeValues>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { current_password: '', new_password: '', confirmation: '' },
  });
  const change = useMutation({
    mutationFn: ({ current_password, new_password }: PasswordChangeValues) =>
      changePassword(current_password, new_password),
  });

  const onSubmit = handleSubmit((values) => {
    if (change.isPending) return;
    setFormError(null);
    setChanged(false);
    change.mutate(values, {
      onSuccess: () => {
        setChanged(true);
        reset();
        // The other devices were just signed out.
        void queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      },
      onError: (error) => {
        setFormError(
          applyServerErrors(error, setError, {
            current_password: 'current_password',
            new_password: 'new_password',
          }),
        );
      },
    });
  });

  return (
    <SettingsSection
      title="Password"
      description="Changing your password signs you out on every other device."
    >
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="max-w-xl space-y-5">
        {formError && <FormAlert>{formError}</FormAlert>}
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          error={errors.current_password?.message}
          {...register('current_password')}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          help={PASSWORD_RULE}
          error={errors.new_password?.message}
          {...register('new_password')}
        />
        <PasswordField
          label="Confirm the new password"
          autoComplete="new-password"
          error={errors.confirmation?.message}
          {...register('confirmation')}
        />
        <StatusNote>
          {changed && 'Your password is changed. Every other device has been signed out.'}
        </StatusNote>
        <SubmitButton pending={change.isPending}>Change password</SubmitButton>
      </form>
    </SettingsSection>
  );
}
