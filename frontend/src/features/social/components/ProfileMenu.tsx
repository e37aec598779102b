import { Menu, MenuButton, MenuItem, MenuItems } from '@headlessui/react';
import { EllipsisHorizontalIcon } from '@heroicons/react/20/solid';
import { NoSymbolIcon, SpeakerWaveIcon, SpeakerXMarkIcon } from '@heroicons/react/24/outline';
import { type ReactNode, useState } from 'react';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog';
import { formErrorMessage } from '../../../lib/form-errors';
import type { Restriction } from '../api/restrictions';
import { useRestrictFromProfile } from '../hooks/useRestriction';

type Choice = 'mute' | 'unmute' | 'block';

interface ChoiceCopy {
  restriction: Restriction;
  on: boolean;
  title: string;
  effect: ReactNode;
  confirm: string;
}

function copyFor(choice: Choice, username: string): ChoiceCopy {
  switch (choice) {
    case 'mute':
      return {
        restriction: 'mute',
        on: true,
        title: `Mute @${username}?`,
        effect:
          'Their listings stop showing in your feed. They are not told, and you can still visit their profile. You can unmute them here or in Settings.',
        confirm: 'Mute',
      };
    case 'unmute':
      return {
        restriction: 'mute',
        on: false,
        title: `Unmute @${username}?`,
        effect: 'Their new listings can show in your feed again.',
        confirm: 'Unmute',
      };
    case 'block':
      return {
        restriction: 'block',
        on: true,
        title: `Block @${username}?`,
        effect: (
          <>
            <p>
              You will no longer see each other&apos;s profile, listings or comments, and neither of
              you can follow the other. Follows between you end.
            </p>
            <p className="mt-2">They are not told. You can unblock them in Settings.</p>
          </>
        ),
        confirm: 'Block',
      };
  }
}

const itemClasses =
  'flex w-full items-center gap-3 rounded-lg px-3 py-2 text-left text-sm font-medium data-focus:bg-stone-100';

interface ProfileMenuProps {
  username: string;
  muted: boolean;
}

/** "⋯" on another member's profile: mute or unmute, and block, each confirmed first. */
export function ProfileMenu({ username, muted }: ProfileMenuProps) {
  const [choice, setChoice] = useState<Choice | null>(null);
  const restrict = useRestrictFromProfile(username);
  const copy = choice && copyFor(choice, username);

  const choose = (next: Choice) => {
    restrict.reset();
    setChoice(next);
  };

  return (
    <>
      <Menu>
        <MenuButton
          aria-label={`More options for @${username}`}
          className="inline-flex size-9 items-center justify-center rounded-full bg-white text-stone-700 ring-1 ring-stone-300 ring-inset hover:bg-stone-100 data-open:bg-stone-100"
        >
          <EllipsisHorizontalIcon className="size-5" aria-hidden="true" />
        </MenuButton>
        <MenuItems
          anchor="bottom end"
          modal={false}
          className="z-50 w-56 rounded-2xl bg-white p-1.5 shadow-lg ring-1 ring-stone-200 [--anchor-gap:8px] focus:outline-none"
        >
          <MenuItem>
            <button
              type="button"
              onClick={() => {
                choose(muted ? 'unmute' : 'mute');
              }}
              className={`${itemClasses} text-stone-700`}
            >
              {muted ? (
                <SpeakerWaveIcon className="size-5 text-stone-500" aria-hidden="true" />
              ) : (
                <SpeakerXMarkIcon className="size-5 text-stone-500" aria-hidden="true" />
              )}
              {muted ? `Unmute @${username}` : `Mute @${username}`}
            </button>
          </MenuItem>
          <MenuItem>
            <button
              type="button"
              onClick={() => {
                choose('block');
              }}
              className={`${itemClasses} text-red-700`}
            >
              <NoSymbolIcon className="size-5" aria-hidden="true" />
              Block @{username}
            </button>
          </MenuItem>
        </MenuItems>
      </Menu>
      {copy && (
        <ConfirmDialog
          open
          title={copy.title}
          confirmLabel={copy.confirm}
          tone={copy.restriction === 'block' ? 'danger' : 'default'}
          pending={restrict.isPending}
          error={restrict.error ? formErrorMessage(restrict.error) : null}
          onCancel={() => {
            setChoice(null);
          }}
          onConfirm={() => {
            restrict.mutate(
              { restriction: copy.restriction, on: copy.on },
              {
                onSuccess: () => {
                  setChoice(null);
                },
              },
            );
          }}
        >
          {copy.effect}
        </ConfirmDialog>
      )}
    </>
  );
}
