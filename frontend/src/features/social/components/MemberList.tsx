import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { LoadMore } from '../../../components/ui/LoadMore';
import { MemberAvatar } from '../../../components/ui/MemberAvatar';
import { Spinner } from '../../../components/ui/Spinner';
import { formErrorMessage } from '../../../lib/form-errors';
import type { MemberCard, MemberPage } from '../api/follows';

interface MemberListProps {
  pages: UseInfiniteQueryResult<InfiniteData<MemberPage>>;
  /** Names the list for screen readers, e.g. "Followers of @ada". */
  label: string;
  /** Shown when there is nobody to list. */
  empty: ReactNode;
  /** The button at the end of a row, such as Follow or Unblock. */
  action: (member: MemberCard) => ReactNode;
}

/** Members, one a row with their photo, name and an action, loading more as it scrolls. */
export function MemberList({ pages, label, empty, action }: MemberListProps) {
  const { data, error, isPending, hasNextPage, isFetchingNextPage, isFetchNextPageError } = pages;

  if (isPending) {
    return (
      <p role="status" className="flex items-center gap-3 py-6 text-stone-700">
        <Spinner />
        Loading members…
      </p>
    );
  }
  if (!data) {
    return (
      <FormAlert>
        {formErrorMessage(error)}{' '}
        <Button variant="ghost" size="sm" onClick={() => void pages.refetch()}>
          Try again
        </Button>
      </FormAlert>
    );
  }
  const members = data.pages.flatMap((page) => page.items);
  if (members.length === 0) return empty;

  return (
    <>
      <ul aria-label={label} className="divide-y divide-stone-200">
        {members.map((member) => (
          <li key={member.id} className="flex items-center gap-3 py-3">
            <MemberAvatar
              name={member.display_name}
              avatar={member.avatar}
              className="size-11 text-base"
              sizes="44px"
            />
            <Link
              to={`/members/${member.username}`}
              className="min-w-0 flex-1 rounded-lg hover:underline"
            >
              <span className="block truncate font-semibold text-stone-900">
                {member.display_name}
              </span>
              <span className="block truncate text-sm text-stone-600">@{member.username}</span>
            </Link>
            {action(member)}
          </li>
        ))}
      </ul>
      <LoadMore
        hasMore={hasNextPage}
        loading={isFetchingNextPage}
        error={isFetchNextPageError ? error : null}
        onLoadMore={() => void pages.fetchNextPage()}
      />
    </>
  );
}
