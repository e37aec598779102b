import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert } from '../../../components/ui/FormAlert';
import { PasswordField } from '../../../components/ui/PasswordField';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { TextLink } from '../../../components/ui/TextLink';
import { applyServerErrors } from '../../../lib/form-errors';
import { login } from '../api/auth';
import { type Me, meQueryKey, resetViewerData } from '../api/me';
import { currentPasswordSchema } from '../validation';

const loginSchema = z.object({
  // Not checked for shape: any mismatch gets the same "email and password do not match".
  email: z.string().trim().min(1, 'Enter your email address.'),
  password: currentPasswordSchema,
});

type LoginValues = z.infer<typeof loginSchema>;

/** Signs in; the page redirects once `['me']` holds the member from the grant. */
export function LoginForm() {
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '' },
  });
  const signIn = useMutation({
    mutationFn: ({ email, password }: LoginValues) => login(email, password),
  });

  const onSubmit = handleSubmit((values) => {
    if (signIn.isPending) return;
    setFormError(null);
    signIn.mutate(values, {
      onSuccess: (grant) => {
        queryClient.setQueryData<Me | null>(meQueryKey, grant.user);
        resetViewerData(queryClient);
      },
      onError: (error) => {
        setFormError(applyServerErrors(error, setError, { email: 'email', password: 'password' }));
      },
    });
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="space-y-5">
      {formError && <FormAlert>{formError}</FormAlert>}
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...register('email')}
      />
      <div className="space-y-2">
        <PasswordField
          label="Password"
          autoComplete="current-password"
          error={errors.password?.message}
          {...register('password')}
        />
        <p className="text-right text-sm">
          <TextLink to="/forgot-password">Forgot your password?</TextLink>
        </p>
      </div>
      <SubmitButton pending={signIn.isPending} className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
