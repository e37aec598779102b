import { BookmarkIcon as BookmarkOutlineIcon } from '@heroicons/react/24/outline';
import { BookmarkIcon } from '@heroicons/react/24/solid';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInRedirect } from '../../auth/hooks/useSignInRedirect';
import { useReactionToggle } from '../hooks/useReactionToggle';

const looks = {
  card: 'relative z-10 size-9 justify-center rounded-full bg-white/90 shadow-sm ring-1 ring-stone-200 backdrop-blur hover:bg-white',
  detail:
    'h-11 gap-2 rounded-full bg-white px-4 text-sm font-semibold ring-1 ring-stone-300 ring-inset hover:bg-stone-100',
};

interface SaveButtonProps {
  itemId: string;
  saved: boolean;
  /** Names the listing in the button, where several are on screen (cards). */
  itemTitle?: string;
  look?: keyof typeof looks;
}

/** A bookmark for the member's private saves; visitors are asked to sign in first. */
export function SaveButton({ itemId, saved, itemTitle, look = 'card' }: SaveButtonProps) {
  const { data: member } = useMe();
  const signIn = useSignInRedirect();
  const toggle = useReactionToggle('save', itemId);
  const Icon = saved ? BookmarkIcon : BookmarkOutlineIcon;

  return (
    <button
      type="button"
      aria-pressed={saved}
      aria-label={itemTitle ? `Save ${itemTitle}` : 'Save'}
      onClick={() => {
        if (member) toggle.mutate(!saved);
        else signIn();
      }}
      className={`inline-flex items-center text-stone-700 hover:text-stone-900 ${looks[look]}`}
    >
      <Icon className={`size-5 ${saved ? 'text-brand-700' : ''}`} aria-hidden="true" />
      {look === 'detail' && 'Save'}
    </button>
  );
}
