import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert } from '../../../components/ui/FormAlert';
import { PasswordField } from '../../../components/ui/PasswordField';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextLink } from '../../../components/ui/TextLink';
import { ApiError } from '../../../lib/api-error';
import { applyServerErrors } from '../../../lib/form-errors';
import { resetPassword } from '../api/auth';
import { meQueryKey } from '../api/me';
import { newPasswordSchema, PASSWORD_RULE } from '../validation';

const resetSchema = z
  .object({ password: newPasswordSchema, confirmation: z.string() })
  .refine((values) => values.password === values.confirmation, {
    path: ['confirmation'],
    message: 'The two passwords do not match.',
  });

type ResetValues = z.infer<typeof resetSchema>;

interface ResetPasswordFormProps {
  token: string;
  onReset: () => void;
}

export function ResetPasswordForm({ token, onReset }: ResetPasswordFormProps) {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [linkInvalid, setLinkInvalid] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ResetValues>({
    resolver: zodResolver(resetSchema),
    defaultValues: { password: '', confirmation: '' },
  });
  const reset = useMutation({ mutationFn: (password: string) => resetPassword(token, password) });

  const onSubmit = handleSubmit(({ password }) => {
    if (reset.isPending) return;
    setFormError(null);
    setLinkInvalid(false);
    reset.mutate(password, {
      onSuccess: () => {
        // A reset ends every session, this browser's included.
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
        onReset();
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'invalid_token') {
          setLinkInvalid(true);
          return;
        }
        setFormError(applyServerErrors(error, setError, { password: 'password' }));
      },
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-5">
      {linkInvalid && (
        <FormAlert>
          This reset link is invalid or has expired: each link works once, for a limited time.{' '}
          <TextLink to="/forgot-password">Ask for a new link</TextLink>.
        </FormAlert>
      )}
      {formError && <FormAlert>{formError}</FormAlert>}
      <PasswordField
        label="New password"
        autoComplete="new-password"
        help={PASSWORD_RULE}
        error={errors.password?.message}
        {...register('password')}
      />
      <PasswordField
        label="Confirm the new password"
        autoComplete="new-password"
        error={errors.confirmation?.message}
        {...register('confirmation')}
      />
      <SubmitButton pending={reset.isPending} className="w-full">
        Change password
      </SubmitButton>
    </form>
  );
}
