import { Button } from '../../../components/ui/Button';
import { FormAlert, StatusNote } from '../../../components/ui/FormAlert';
import { formErrorMessage } from '../../../lib/form-errors';
import { SettingsSection } from '../../profile/components/settings/SettingsSection';
import type { Restriction } from '../api/restrictions';
import { useRestricted } from '../hooks/useMemberPages';
import { useLiftRestriction } from '../hooks/useRestriction';
import { MemberList } from './MemberList';

const COPY: Record<
  Restriction,
  { heading: string; about: string; label: string; empty: string; lift: string; lifted: string }
> = {
  block: {
    heading: 'Blocked',
    about: 'You and they cannot see each other’s profile, listings or comments.',
    label: 'Members you blocked',
    empty: 'You have not blocked anyone.',
    lift: 'Unblock',
    lifted: 'unblocked',
  },
  mute: {
    heading: 'Muted',
    about: 'Their listings do not show in your feed. They are not told.',
    label: 'Members you muted',
    empty: 'You have not muted anyone.',
    lift: 'Unmute',
    lifted: 'unmuted',
  },
};

function RestrictedMembers({ restriction }: { restriction: Restriction }) {
  const pages = useRestricted(restriction);
  const lift = useLiftRestriction(restriction);
  const copy = COPY[restriction];
  return (
    <section aria-labelledby={`${restriction}-heading`} className="space-y-3">
      <div>
        <h3 id={`${restriction}-heading`} className="text-base font-semibold text-stone-900">
          {copy.heading}
        </h3>
        <p className="mt-1 text-sm leading-6 text-stone-600">{copy.about}</p>
      </div>
      {lift.error && <FormAlert>{formErrorMessage(lift.error)}</FormAlert>}
      <MemberList
        pages={pages}
        label={copy.label}
        empty={<p className="text-sm text-stone-600 italic">{copy.empty}</p>}
        action={(member) => (
          <Button
            variant="secondary"
            size="sm"
            aria-busy={lift.isPending && lift.variables === member.username}
            aria-label={`${copy.lift} @${member.username}`}
            onClick={() => {
              if (!lift.isPending) lift.mutate(member.username);
            }}
          >
            {copy.lift}
          </Button>
        )}
      />
      <StatusNote>{lift.isSuccess && `You ${copy.lifted} @${lift.variables}.`}</StatusNote>
    </section>
  );
}

/** The members the member blocked or muted, each with the way to undo it. */
export function PrivacySettings() {
  return (
    <SettingsSection
      title="Blocked and muted"
      description="Block or mute someone from the ⋯ menu on their profile."
    >
      <div className="space-y-10">
        <RestrictedMembers restriction="block" />
        <RestrictedMembers restriction="mute" />
      </div>
    </SettingsSection>
  );
}
