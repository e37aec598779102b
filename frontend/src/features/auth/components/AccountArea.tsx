import { Link } from 'react-router';
import { ButtonLink } from '../../../components/ui/Button';

/**
 * The header's account corner. Visitors see how to sign in or join; once auth lands this
 * is the only component that changes to show the signed-in member.
 */
export function AccountArea() {
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
