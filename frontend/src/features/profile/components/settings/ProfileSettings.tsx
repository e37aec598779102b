import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { SubmitButton } from '../../../../components/ui/SubmitButton';
import { SelectField, TextareaField, TextField } from '../../../../components/ui/TextField';
import { TextLink } from '../../../../components/ui/TextLink';
import { applyServerErrors } from '../../../../lib/form-errors';
import { type Me, meQueryKey } from '../../../auth/api/me';
import { useSignedInMember } from '../../../auth/hooks/useMe';
import { DISPLAY_NAME_MAX_LENGTH } from '../../../auth/validation';
import { updateProfile } from '../../api/account';
import { publicProfileQueryKey } from '../../api/public-profile';
import { COUNTRY_OPTIONS } from '../../countries';
import { AvatarSettings } from './AvatarSettings';
import {
  BIO_MAX_LENGTH,
  CITY_MAX_LENGTH,
  profileChanges,
  profileSchema,
  profileValues,
  type ProfileValues,
} from './profile-form';
import { SettingsSection } from './SettingsSection';

export function ProfileSettings() {
  const member = useSignedInMember();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    control,
    formState: { errors },
  } = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: profileValues(member),
  });
  const bio = useWatch({ control, name: 'bio' });
  const save = useMutation({ mutationFn: updateProfile });

  const onSubmit = handleSubmit((values) => {
    if (save.isPending) return;
    setFormError(null);
    const changes = profileChanges(member, values);
    if (Object.keys(changes).length === 0) {
      setSaved('Nothing to save: your profile already says this.');
      return;
    }
    setSaved(null);
    save.mutate(changes, {
      onSuccess: (updated) => {
        queryClient.setQueryData<Me | null>(meQueryKey, updated);
        void queryClient.invalidateQueries({ queryKey: publicProfileQueryKey(updated.username) });
        reset(profileValues(updated));
        setSaved('Your profile is saved.');
      },
      onError: (error) => {
        setFormError(
          applyServerErrors(error, setError, {
            display_name: 'display_name',
            bio: 'bio',
            location: 'country',
            'location.country': 'country',
            'location.city': 'city',
          }),
        );
      },
    });
  });

  return (
    <SettingsSection
      title="Profile"
      description={
        <>
          What other members see on{' '}
          <TextLink to={`/members/${member.username}`}>your public profile</TextLink>.
        </>
      }
    >
      <AvatarSettings />
      <hr className="my-8 border-stone-200" />
      <form onSubmit={(event) => void onSubmit(event)} noValidate className="max-w-2xl space-y-5">
        {formError && <FormAlert>{formError}</FormAlert>}
        <TextField
          label="Display name"
          autoComplete="name"
          maxLength={DISPLAY_NAME_MAX_LENGTH}
          error={errors.display_name?.message}
          {...register('display_name')}
        />
        <TextareaField
          label="Bio"
          optional
          rows={5}
          help={`Tell buyers about you and what you sell. ${bio.length} of ${BIO_MAX_LENGTH} characters.`}
          error={errors.bio?.message}
          {...register('bio')}
        />
        <fieldset className="space-y-4">
          <legend className="text-sm font-semibold text-stone-900">
            Location <span className="font-normal text-stone-500">(optional)</span>
          </legend>
          <p className="-mt-2 text-sm leading-6 text-stone-600">
            Shown on your profile and listings, so buyers know where items ship from.
          </p>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField label="Country" error={errors.country?.message} {...register('country')}>
              <option value="">Not shown</option>
              {COUNTRY_OPTIONS.map(({ code, name }) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Town or city"
              autoComplete="address-level2"
              maxLength={CITY_MAX_LENGTH}
              error={errors.city?.message}
              {...register('city')}
            />
          </div>
        </fieldset>
        <StatusNote>{saved}</StatusNote>
        <SubmitButton pending={save.isPending}>Save profile</SubmitButton>
      </form>
    </SettingsSection>
  );
}
