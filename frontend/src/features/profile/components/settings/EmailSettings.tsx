import { zodResolver } from '@hookform/resolvers/zod';
import { CheckBadgeIcon, ExclamationCircleIcon } from '@heroicons/react/20/solid';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { PasswordField } from '../../../../components/ui/PasswordField';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { TextField } from '../../../../components/ui/TextField';
import { applyServerErrors } from '../../../../lib/form-errors';
import { useSignedInMember } from '../../../auth/hooks/useMe';
import { currentPasswordSchema, emailSchema } from '../../../auth/validation';
import { requestEmailChange } from '../../api/account';
import { SettingsSection } from './SettingsSection';

const emailChangeSchema = z.object({ new_email: emailSchema, password: currentPasswordSchema });

type EmailChangeValues = z.infer<typeof emailChangeSchema>;

function VerifiedBadge({ verified }: { verified: boolean }) {
  const tone = verified
    ? 'bg-emerald-50 text-emerald-800 ring-emerald-600/20'
    : 'bg-amber-50 text-amber-900 ring-amber-600/30';
  const Icon = verified ? CheckBadgeIcon : ExclamationCircleIcon;
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2.5 py-1 text-xs font-semibold ring-1 ring-inset ${tone}`}
    >
      <Icon className="size-4" aria-hidden="true" />
      {verified ? 'Verified' : 'Not verified'}
    </span>
  );
}

export function EmailSettings() {
  const member = useSignedInMember();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<EmailChangeValues>({
    resolver: zodResolver(emailChangeSchema),
    defaultValues: { new_email: '', password: '' },
  });
  const change = useMutation({
    mutationFn: ({ new_email, password }: EmailChangeValues) =>
      requestEmailChange(new_email, password),
  });

  const onSubmit = handleSubmit((values) => {
    if (change.isPending) return;
    setFormError(null);
    setSentTo(null);
    change.mutate(values, {
      onSuccess: () => {
        setSentTo(values.new_email);
        reset();
      },
      onError: (error) => {
        setFormError(
          applyServerErrors(error, setError, { new_email: 'new_email', password: 'password' }),
        );
      },
    });
  });

  return (
    <SettingsSection
      title="Email"
      description="Where we send sign-in links, receipts and messages about your account."
    >
      <div className="flex max-w-xl flex-wrap items-center gap-x-3 gap-y-2 rounded-xl bg-stone-50 px-4 py-3 ring-1 ring-stone-200">
        <div className="min-w-0">
          <p className="text-xs font-medium text-stone-600">Current address</p>
          <p className="font-semibold break-all text-stone-900">{member.email}</p>
        </div>
        <VerifiedBadge verified={member.email_verified} />
      </div>

      <h3 className="mt-8 text-base font-semibold text-stone-900">Change your email</h3>
      <p className="mt-1 text-sm leading-6 text-stone-600">
        We send a confirmation link to the new address, and tell the current one. Your address
        changes when you open the link.
      </p>
      <form
        onSubmit={(event) => void onSubmit(event)}
        noValidate
        className="mt-5 max-w-xl space-y-5"
      >
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label="New email"
          type="email"
          autoComplete="email"
          error={errors.new_email?.message}
          {...register('new_email')}
        />
        <PasswordField
          label="Your password"
          autoComplete="current-password"
          help="To make sure it is you."
          error={errors.password?.message}
          {...register('password')}
        />
        <StatusNote>
          {sentTo &&
            `We sent a confirmation link to ${sentTo}. Open it to finish changing your email.`}
        </StatusNote>
        <SubmitButton pending={change.isPending}>Send confirmation link</SubmitButton>
      </form>
    </SettingsSection>
  );
}
