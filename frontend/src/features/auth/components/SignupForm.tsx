import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createSearchParams, useNavigate } from 'react-router';
import { z } from 'zod';
import { FormAlert } from '../../../components/ui/FormAlert';
import { PasswordField } from '../../../components/ui/PasswordField';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { TextField } from '../../../components/ui/TextField';
import { applyServerErrors } from '../../../lib/form-errors';
import { register as registerAccount } from '../api/auth';
import {
  displayNameSchema,
  emailSchema,
  newPasswordSchema,
  PASSWORD_RULE,
  USERNAME_RULE,
  usernameSchema,
} from '../validation';

const signupSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  display_name: displayNameSchema,
  password: newPasswordSchema,
});

type SignupValues = z.infer<typeof signupSchema>;

export function SignupForm() {
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<SignupValues>({
    resolver: zodResolver(signupSchema),
    defaultValues: { email: '', username: '', display_name: '', password: '' },
  });
  const signup = useMutation({ mutationFn: registerAccount });

  const onSubmit = handleSubmit((values) => {
    if (signup.isPending) return;
    setFormError(null);
    signup.mutate(
      // An empty display name is left out, so the API uses the username.
      { ...values, display_name: values.display_name || null },
      {
        onSuccess: (member) => {
          void navigate({
            pathname: '/check-email',
            search: createSearchParams({ email: member.email }).toString(),
          });
        },
        onError: (error) => {
          setFormError(
            applyServerErrors(error, setError, {
              email: 'email',
              username: 'username',
              display_name: 'display_name',
              password: 'password',
            }),
          );
        },
      },
    );
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
      <TextField
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        help={USERNAME_RULE}
        error={errors.username?.message}
        {...register('username')}
      />
      <TextField
        label="Display name"
        optional
        autoComplete="name"
        help="How your name appears on your profile. Your username is used if you leave it empty."
        error={errors.display_name?.message}
        {...register('display_name')}
      />
      <PasswordField
        label="Password"
        autoComplete="new-password"
        help={PASSWORD_RULE}
        error={errors.password?.message}
        {...register('password')}
      />
      <SubmitButton pending={signup.isPending} className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
