import { createSearchParams, Navigate, Outlet, useLocation } from 'react-router';
import { PageLoading } from '../../../components/layout/PageLoading';
import { useMe } from '../hooks/useMe';

/**
 * Route element for members-only pages. Visitors go to the sign-in page, which brings
 * them back here afterwards (`next` keeps the path and query).
 */
export function RequireMember() {
  const { data: member, isPending, error } = useMe();
  const { pathname, search } = useLocation();

  if (isPending) {
    return <PageLoading label="Loading your account…" />;
  }
  // A failed GET /me (not a 401, which is "visitor") is the page's failure.
  if (error && member === undefined) throw error;
  if (!member) {
    const next = createSearchParams({ next: pathname + search }).toString();
    return <Navigate to={`/login?${next}`} replace />;
  }
  return <Outlet />;
}
