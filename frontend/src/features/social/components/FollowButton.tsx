import { CheckIcon, UserPlusIcon } from '@heroicons/react/20/solid';
import { Button } from '../../../components/ui/Button';
import type { ButtonSize } from '../../../components/ui/button-styles';
import { useMe } from '../../auth/hooks/useMe';
import { useSignInRedirect } from '../../auth/hooks/useSignInRedirect';
import { useFollowToggle } from '../hooks/useFollowToggle';

interface FollowButtonProps {
  username: string;
  following: boolean;
  size?: ButtonSize;
}

/** Follow, or Following once pressed; visitors are asked to sign in first. */
export function FollowButton({ username, following, size = 'md' }: FollowButtonProps) {
  const { data: member } = useMe();
  const signIn = useSignInRedirect();
  const toggle = useFollowToggle(username);
  const Icon = following ? CheckIcon : UserPlusIcon;

  return (
    <Button
      variant={following ? 'secondary' : 'primary'}
      size={size}
      aria-pressed={following}
      aria-label={`${following ? 'Following' : 'Follow'} @${username}`}
      onClick={() => {
        if (member) toggle.mutate(!following);
        else signIn();
      }}
    >
      <Icon className="size-4" aria-hidden="true" />
      {following ? 'Following' : 'Follow'}
    </Button>
  );
}
