import { ArrowLeftIcon } from '@heroicons/react/20/solid';
import { NavLink, useParams } from 'react-router';
import { PageLoading } from '../components/layout/PageLoading';
import { TextLink } from '../components/ui/TextLink';
import { usePublicProfile } from '../features/profile/hooks/usePublicProfile';
import type { Connection } from '../features/social/api/follows';
import { ConnectionsList } from '../features/social/components/ConnectionsList';
import { isNotFound } from '../lib/api-error';
import { useDocumentTitle } from '../lib/use-document-title';
import { NotFoundPage } from './NotFoundPage';

const TITLES: Record<Connection, string> = { followers: 'Followers', following: 'Following' };

function tabClasses({ isActive }: { isActive: boolean }): string {
  const state = isActive
    ? 'bg-white text-brand-800 shadow-sm ring-1 ring-stone-200'
    : 'text-stone-700 hover:bg-stone-100';
  return `rounded-full px-4 py-2 text-sm font-semibold ${state}`;
}

/** `/members/:username/followers` and `/following`: the member lists of a profile. */
export function MemberConnectionsPage({ connection }: { connection: Connection }) {
  const username = useParams().username ?? '';
  const { data: profile, error } = usePublicProfile(username);
  const notFound = isNotFound(error);
  useDocumentTitle(
    notFound
      ? 'Page not found'
      : `${TITLES[connection]} · ${profile ? profile.display_name : `@${username}`}`,
  );

  if (notFound) return <NotFoundPage />;
  if (error && !profile) throw error;
  if (!profile) return <PageLoading label="Loading the profile…" />;

  const base = `/members/${profile.username}`;
  return (
    <div className="mx-auto max-w-2xl px-4 py-8 sm:px-6 sm:py-12">
      <TextLink to={base} className="inline-flex items-center gap-1 text-sm">
        <ArrowLeftIcon className="size-4" aria-hidden="true" />
        {profile.display_name}
      </TextLink>
      <h1 className="mt-3 text-3xl font-bold tracking-tight text-stone-900">
        {TITLES[connection]}
      </h1>
      <nav
        aria-label="Member lists"
        className="mt-4 inline-flex gap-1 rounded-full bg-stone-100 p-1"
      >
        <NavLink to={`${base}/followers`} className={tabClasses}>
          {profile.counts.followers} {profile.counts.followers === 1 ? 'follower' : 'followers'}
        </NavLink>
        <NavLink to={`${base}/following`} className={tabClasses}>
          {profile.counts.following} following
        </NavLink>
      </nav>
      <div className="mt-6">
        <ConnectionsList username={profile.username} connection={connection} />
      </div>
    </div>
  );
}
