import type { InfiniteData, Query, QueryClient } from '@tanstack/react-query';
import { countAfterToggle } from '../../../lib/toggle-count';
import { type PublicProfile, publicProfileQueryKey } from '../../profile/api/public-profile';
import type { MemberPage } from './follows';

/** Marks a query whose data is pages of member cards, like `ITEM_CARD_PAGES_META`. */
export const MEMBER_CARD_PAGES_META = { memberCardPages: true } as const;

function holdsMemberCardPages(query: Query): boolean {
  return query.meta?.memberCardPages === true;
}

function withFollowed(
  data: InfiniteData<MemberPage>,
  username: string,
  following: boolean,
): InfiniteData<MemberPage> {
  const pages = data.pages.map((page) =>
    page.items.some((member) => member.username === username)
      ? {
          ...page,
          items: page.items.map((member) =>
            member.username === username ? { ...member, followed_by_me: following } : member,
          ),
        }
      : page,
  );
  return pages.every((page, index) => page === data.pages[index]) ? data : { ...data, pages };
}

/**
 * Whether the viewer follows `username`, on their profile and in every member list.
 * Without `followerCount` (an optimistic change or its rollback) the profile's count moves
 * by one, and only if the flag did.
 */
export function applyFollow(
  queryClient: QueryClient,
  username: string,
  following: boolean,
  followerCount?: number,
): void {
  queryClient.setQueryData<PublicProfile>(publicProfileQueryKey(username), (profile) => {
    if (!profile?.viewer) return profile;
    const before = profile.viewer.following;
    return {
      ...profile,
      viewer: { ...profile.viewer, following },
      counts: {
        ...profile.counts,
        followers: followerCount ?? countAfterToggle(profile.counts.followers, before, following),
      },
    };
  });
  queryClient.setQueriesData<InfiniteData<MemberPage>>(
    { predicate: holdsMemberCardPages },
    (data) => data && withFollowed(data, username, following),
  );
}
