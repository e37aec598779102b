import { HeartIcon as HeartOutlineIcon } from '@heroicons/react/24/outline';
import { HeartIcon } from '@heroicons/react/24/solid';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInRedirect } from '../../auth/hooks/useSignInRedirect';
import { useReactionToggle } from '../hooks/useReactionToggle';

const countFormat = new Intl.NumberFormat('en');

const looks = {
  card: 'relative z-10 -mr-1.5 h-8 gap-1 rounded-full px-1.5 text-xs',
  detail:
    'h-11 gap-2 rounded-full bg-white px-4 text-sm font-semibold ring-1 ring-stone-300 ring-inset hover:bg-stone-100',
};

interface LikeButtonProps {
  itemId: string;
  liked: boolean;
  count: number;
  /** Names the listing in the button, where several are on screen (cards). */
  itemTitle?: string;
  look?: keyof typeof looks;
}

/** A heart that likes the listing, with the count; visitors are asked to sign in first. */
export function LikeButton({ itemId, liked, count, itemTitle, look = 'card' }: LikeButtonProps) {
  const { data: member } = useMe();
  const signIn = useSignInRedirect();
  const toggle = useReactionToggle('like', itemId);
  const Icon = liked ? HeartIcon : HeartOutlineIcon;
  const showCount = look === 'detail' || count > 0;
  const name = itemTitle ? `Like ${itemTitle}` : 'Like';
  const countText = `${countFormat.format(count)} ${count === 1 ? 'like' : 'likes'}`;

  return (
    <button
      type="button"
      aria-pressed={liked}
      aria-label={showCount ? `${name}, ${countText}` : name}
      onClick={() => {
        if (member) toggle.mutate(!liked);
        else signIn();
      }}
      className={`inline-flex items-center text-stone-600 hover:text-stone-900 ${looks[look]}`}
    >
      <Icon className={`size-5 ${liked ? 'text-rose-600' : ''}`} aria-hidden="true" />
      {showCount && <span className="tabular-nums">{countFormat.format(count)}</span>}
    </button>
  );
}
