import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';
import { useMe } from '../hooks/useMe';
import { MemberMenu } from './MemberMenu';

/**
 * The header's account corner: the member's menu, or how to sign in or join. While
 * `['me']` loads it keeps the space with a blank circle, so the header does not jump.
 */
export function AccountArea() {
  const { data: member, isPending } = useMe();

  if (isPending) {
    return <span className="size-10 rounded-full bg-stone-100" aria-hidden="true" />;
  }
  if (member) return <MemberMenu member={member} />;
  return (
    <div className="flex items-center gap-1">
      <Link
        to="/login"
        className="rounded-full px-3 py-2 text-sm font-semibold text-stone-700 hover:bg-stone-100 hover:text-stone-900"
      >
        Sign in
      </Link>
      <ButtonLink to="/signup" variant="secondary" size="sm">
        Join
      </ButtonLink>
    </div>
  );
}
