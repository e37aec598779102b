import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { type UseFormRegister, useForm } from 'react-hook-form';
import { FormAlert, StatusNote } from '../../../components/ui/FormAlert';
import { Spinner } from '../../../components/ui/Spinner';
import { SubmitButton } from '../../../components/ui/SubmitButton';
import { formErrorMessage } from '../../../lib/form-errors';
import { SettingsSection } from '../../profile/components/settings/SettingsSection';
import {
  type Channel,
  fetchNotificationSettings,
  type NotificationSetting,
  notificationSettingsQueryKey,
  type NotificationType,
  saveNotificationSettings,
} from '../api/notifications';

type ChannelChoices = Partial<Record<NotificationType, Channel>>;

function choicesOf(settings: NotificationSetting[]): ChannelChoices {
  return Object.fromEntries(settings.map((setting) => [setting.type, setting.channel]));
}

/** "Email" is in the app as well, except for kinds that exist only as email (the digest). */
function channelLabel(channel: Channel, channels: Channel[]): string {
  switch (channel) {
    case 'in_app':
      return 'In the app';
    case 'email':
      return channels.includes('in_app') ? 'App and email' : 'Email';
    case 'off':
      return 'Off';
  }
}

interface SettingRowProps {
  setting: NotificationSetting;
  register: UseFormRegister<ChannelChoices>;
}

/** One kind of notification, with a radio for each channel it can use. */
function SettingRow({ setting, register }: SettingRowProps) {
  const labelId = useId();
  return (
    <div className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between">
      <p id={labelId} className="text-sm font-semibold text-stone-900 sm:max-w-xs">
        {setting.description}
      </p>
      <div role="radiogroup" aria-labelledby={labelId} className="flex flex-wrap gap-2">
        {setting.channels.map((channel) => (
          <label
            key={channel}
            className="flex cursor-pointer items-center gap-2 rounded-full px-3 py-1.5 text-sm text-stone-700 ring-1 ring-stone-300 has-checked:bg-brand-50 has-checked:font-semibold has-checked:text-brand-900 has-checked:ring-brand-600 has-focus-visible:outline-3 has-focus-visible:outline-brand-600"
          >
            <input
              type="radio"
              value={channel}
              className="size-4 accent-brand-700 focus-visible:outline-none"
              {...register(setting.type)}
            />
            {channelLabel(channel, setting.channels)}
          </label>
        ))}
      </div>
    </div>
  );
}

function NotificationSettingsForm({ settings }: { settings: NotificationSetting[] }) {
  const queryClient = useQueryClient();
  const { register, handleSubmit, reset } = useForm<ChannelChoices>({
    defaultValues: choicesOf(settings),
  });
  const save = useMutation({
    mutationFn: saveNotificationSettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationSettingsQueryKey, saved);
      reset(choicesOf(saved));
    },
  });

  const onSubmit = handleSubmit((choices) => {
    if (!save.isPending) save.mutate(choices);
  });

  return (
    <form onSubmit={(event) => void onSubmit(event)} className="space-y-6">
      {save.error && <FormAlert>{formErrorMessage(save.error)}</FormAlert>}
      <div className="divide-y divide-stone-200 rounded-xl ring-1 ring-stone-200">
        {settings.map((setting) => (
          <SettingRow key={setting.type} setting={setting} register={register} />
        ))}
      </div>
      <StatusNote>{save.isSuccess && 'Your notification settings are saved.'}</StatusNote>
      <SubmitButton pending={save.isPending}>Save settings</SubmitButton>
    </form>
  );
}

/** How the member hears of each kind of notification: in the app, also by email, or not. */
export function NotificationSettings() {
  const settings = useQuery({
    queryKey: notificationSettingsQueryKey,
    queryFn: fetchNotificationSettings,
  });
  return (
    <SettingsSection
      title="Notifications"
      description="Choose how you hear about what happens on Reloop. What is emailed shows in the app too."
    >
      {settings.isPending && (
        <p className="flex items-center gap-3 text-stone-700">
          <Spinner />
          Loading your settings…
        </p>
      )}
      {settings.error && <FormAlert>{formErrorMessage(settings.error)}</FormAlert>}
      {settings.data && <NotificationSettingsForm settings={settings.data} />}
    </SettingsSection>
  );
}
