import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../../../components/ui/Button';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { MemberAvatar } from '../../../../components/ui/MemberAvatar';
import { Spinner } from '../../../../components/ui/Spinner';
import { ApiError } from '../../../../lib/api-error';
import { applyServerErrors } from '../../../../lib/form-errors';
import { type Me, meQueryKey } from '../../../auth/api/me';
import { useSignedInMember } from '../../../auth/hooks/useMe';
import { IMAGE_INPUT_ACCEPT, uploadErrorMessage, uploadImage } from '../../../media/api/uploads';
import { updateProfile } from '../../api/account';
import { publicProfileQueryKey } from '../../api/public-profile';

/** A processed upload the server could not turn into an avatar; its reason is for the member. */
class PhotoRejected extends Error {}

function failureMessage(error: unknown): string {
  if (error instanceof PhotoRejected) return error.message;
  // PATCH /me names the field it refused; this form has only the photo, so all is said here.
  if (error instanceof ApiError && error.status === 422) {
    return applyServerErrors(error, () => undefined, {}) ?? error.message;
  }
  return uploadErrorMessage(error);
}

/**
 * The member's profile photo: uploaded and processed like a listing photo (purpose
 * "avatar"), then set with PATCH /me. Removing it sets it to null.
 */
export function AvatarSettings() {
  const member = useSignedInMember();
  const queryClient = useQueryClient();
  const inputRef = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const change = useMutation({
    mutationFn: async (file: File | null) => {
      if (!file) return updateProfile({ avatar_image_id: null });
      controller.current = new AbortController();
      setProgress(0);
      const image = await uploadImage(file, {
        purpose: 'avatar',
        signal: controller.current.signal,
        onProgress: setProgress,
        onProcessing: () => {
          setProgress(null);
        },
      });
      if (image.status !== 'ready') {
        throw new PhotoRejected(image.failure_reason ?? 'We could not process this photo.');
      }
      return updateProfile({ avatar_image_id: image.id });
    },
    onSuccess: (updated, file) => {
      queryClient.setQueryData<Me | null>(meQueryKey, updated);
      void queryClient.invalidateQueries({ queryKey: publicProfileQueryKey(updated.username) });
      setSaved(file ? 'Your new photo is saved.' : 'Your photo is removed.');
    },
    onSettled: () => {
      setProgress(null);
    },
  });

  const pick = (file: File | undefined) => {
    if (!file || change.isPending) return;
    setSaved(null);
    // The API names the types it takes when it refuses one, so the file goes as picked.
    change.mutate(file);
  };

  const busyLabel =
    progress === null ? 'Processing your photo…' : `Uploading ${Math.round(progress * 100)}%…`;

  return (
    <div className="flex max-w-2xl flex-col gap-5 sm:flex-row sm:items-center">
      <div className="relative size-24 shrink-0">
        <MemberAvatar
          name={member.display_name}
          avatar={member.avatar}
          sizes="96px"
          className="size-24 text-4xl"
        />
        {change.isPending && (
          <div className="absolute inset-0 flex items-center justify-center rounded-full bg-stone-950/45">
            <Spinner className="size-7 text-white" />
          </div>
        )}
      </div>
      <div className="min-w-0 flex-1 space-y-3">
        <div>
          <p className="text-sm font-semibold text-stone-900">Profile photo</p>
          <p className="text-sm leading-6 text-stone-600">
            A clear photo of you helps buyers trust you. JPEG, PNG, WebP or HEIC.
          </p>
        </div>
        <input
          ref={inputRef}
          type="file"
          accept={IMAGE_INPUT_ACCEPT}
          tabIndex={-1}
          aria-hidden="true"
          className="sr-only"
          onChange={(event) => {
            pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
        <div className="flex flex-wrap gap-2">
          <Button
            variant="secondary"
            size="sm"
            aria-busy={change.isPending}
            onClick={() => inputRef.current?.click()}
          >
            {member.avatar ? 'Change photo' : 'Upload a photo'}
          </Button>
          {member.avatar && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                if (change.isPending) return;
                setSaved(null);
                change.mutate(null);
              }}
            >
              Remove
            </Button>
          )}
        </div>
        {change.isPending && change.variables && (
          <p className="text-sm font-medium text-stone-700">{busyLabel}</p>
        )}
        {change.error && <FormAlert>{failureMessage(change.error)}</FormAlert>}
        <StatusNote>{saved}</StatusNote>
      </div>
    </div>
  );
}
