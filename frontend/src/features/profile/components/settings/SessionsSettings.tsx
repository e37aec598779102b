import { ComputerDesktopIcon } from '@heroicons/react/24/outline';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../../../components/ui/Button';
import { FormAlert, StatusNote } from '../../../../components/ui/FormAlert';
import { Spinner } from '../../../../components/ui/Spinner';
import { formErrorMessage } from '../../../../lib/form-errors';
import { formatDateTime } from '../../../../lib/format';
import { logoutEverywhere } from '../../../auth/api/auth';
import {
  fetchSessions,
  revokeSession,
  type SessionInfo,
  sessionsQueryKey,
} from '../../../auth/api/sessions';
import { useLeaveAsVisitor } from '../../../auth/hooks/useSignOut';
import { SettingsSection } from './SettingsSection';

interface SessionRowProps {
  session: SessionInfo;
  onRevoke: (id: string) => void;
  revoking: boolean;
}

function SessionRow({ session, onRevoke, revoking }: SessionRowProps) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-3 py-4">
      <ComputerDesktopIcon className="size-8 shrink-0 text-stone-400" aria-hidden="true" />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 font-semibold text-stone-900">
          {session.device}
          {session.current && (
            <span className="rounded-full bg-brand-50 px-2 py-0.5 text-xs font-semibold text-brand-800 ring-1 ring-brand-200 ring-inset">
              This device
            </span>
          )}
        </p>
        <p className="mt-0.5 text-sm text-stone-600">
          {session.ip && <span>{session.ip} · </span>}
          Last active {formatDateTime(session.last_used_at)}
        </p>
        <p className="text-xs text-stone-500">Signed in {formatDateTime(session.created_at)}</p>
      </div>
      {!session.current && (
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            onRevoke(session.id);
          }}
          aria-busy={revoking}
          aria-label={`Sign out ${session.device}`}
        >
          Sign out
        </Button>
      )}
    </li>
  );
}

/** The member's signed-in devices: sign one out, or every one of them. */
export function SessionsSettings() {
  const queryClient = useQueryClient();
  const leave = useLeaveAsVisitor();
  const sessions = useQuery({ queryKey: sessionsQueryKey, queryFn: fetchSessions });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSuccess: (_, id) => {
      queryClient.setQueryData<SessionInfo[]>(sessionsQueryKey, (list) =>
        list?.filter((session) => session.id !== id),
      );
    },
  });
  const everywhere = useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => leave('You are signed out on every device.'),
  });
  const error = revoke.error ?? everywhere.error;

  return (
    <SettingsSection
      title="Sessions"
      description="The devices signed in to your account. Sign out any you do not recognise, then change your password."
    >
      {error && <FormAlert>{formErrorMessage(error)}</FormAlert>}
      {sessions.isPending && (
        <p className="flex items-center gap-3 text-stone-700">
          <Spinner />
          Loading your sessions…
        </p>
      )}
      {sessions.error && <FormAlert>{formErrorMessage(sessions.error)}</FormAlert>}
      {sessions.data && (
        <ul aria-label="Signed-in devices" className="divide-y divide-stone-200">
          {sessions.data.map((session) => (
            <SessionRow
              key={session.id}
              session={session}
              revoking={revoke.isPending && revoke.variables === session.id}
              onRevoke={(id) => {
                if (!revoke.isPending) revoke.mutate(id);
              }}
            />
          ))}
        </ul>
      )}
      <StatusNote>{revoke.isSuccess && 'That device is signed out.'}</StatusNote>
      <div className="mt-6 flex flex-col gap-3 border-t border-stone-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm leading-6 text-stone-600">
          Lost a device? Sign out everywhere, this device included.
        </p>
        <Button
          variant="secondary"
          onClick={() => {
            if (!everywhere.isPending) everywhere.mutate();
          }}
          aria-busy={everywhere.isPending}
        >
          Sign out everywhere
        </Button>
      </div>
    </SettingsSection>
  );
}
