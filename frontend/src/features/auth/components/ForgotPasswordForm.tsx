import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert, StatusNote } from '../../../components/ui/FormAlert';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import { requestPasswordReset } from '../api/auth';
import { emailSchema } from '../validation';

const forgotSchema = z.object({ email: emailSchema });

type ForgotValues = z.infer<typeof forgotSchema>;

/** Always the same answer, whether or not the address has an account (the API's too). */
export function ForgotPasswordForm() {
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<ForgotValues>({
    resolver: zodResolver(forgotSchema),
    defaultValues: { email: '' },
  });
  const forgot = useMutation({ mutationFn: requestPasswordReset });

  const onSubmit = handleSubmit(({ email }) => {
    if (forgot.isPending) return;
    setFormError(null);
    forgot.mutate(email, {
      onError: (error) => {
        setFormError(applyServerErrors(error, setError, { email: 'email' }));
      },
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-5">
      {formError && <FormAlert>{formError}</FormAlert>}
      <StatusNote>
        {forgot.isSuccess &&
          `If an account uses ${forgot.variables}, we have sent it a link to choose a new password. The link works once, for a limited time.`}
      </StatusNote>
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <SubmitButton pending={forgot.isPending} className="w-full">
        Send the reset link
      </SubmitButton>
    </form>
  );
}
