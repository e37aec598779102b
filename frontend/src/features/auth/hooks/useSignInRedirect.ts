import { createSearchParams, useLocation, useNavigate } from 'react-router';

/**
 * For what only members can do, such as liking: sends a visitor to sign in, with the way
 * back to this page (path, query and anchor) in `next`.
 */
export function useSignInRedirect(): () => void {
  const navigate = useNavigate();
  const { pathname, search, hash } = useLocation();
  return () => {
    void navigate(`/login?${createSearchParams({ next: pathname + search + hash }).toString()}`);
  };
}

/** The sign-in link for this page, for "Sign in to comment" and the like. */
export function useSignInHref(): string {
  const { pathname, search, hash } = useLocation();
  return `/login?${createSearchParams({ next: pathname + search + hash }).toString()}`;
}
