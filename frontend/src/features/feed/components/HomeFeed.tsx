import { UserPlusIcon } from '@heroicons/react/24/outline';
import { TextLink } from '../../../components/ui/TextLink';
import { ItemGrid } from '../../listings/components/grid/ItemGrid';
import { useHomeFeed } from '../hooks/useFeeds';
import { FeedEmpty } from './FeedEmpty';

/** Shown while the feed has nothing from followed sellers: the API fills it with popular ones. */
function FollowHint() {
  return (
    <p className="flex items-start gap-3 rounded-xl bg-brand-50 px-4 py-3 text-sm leading-6 text-brand-950 ring-1 ring-brand-200">
      <UserPlusIcon className="mt-0.5 size-5 shrink-0 text-brand-700" aria-hidden="true" />
      <span>
        Follow sellers whose taste you like: their new listings show here first. Until then, here is
        what is popular. Find sellers on <TextLink to="/explore">Explore</TextLink>.
      </span>
    </p>
  );
}

/** The member's home page: new listings from followed sellers, then popular ones. */
export function HomeFeed() {
  const pages = useHomeFeed();
  const firstPage = pages.data?.pages[0];
  const nothingFollowed =
    firstPage !== undefined &&
    firstPage.items.length > 0 &&
    !firstPage.items.some((item) => item.reason === 'following');

  return (
    <section aria-labelledby="home-feed-heading" className="space-y-6">
      <div>
        <h1 id="home-feed-heading" className="text-3xl font-bold tracking-tight text-stone-900">
          Your feed
        </h1>
        <p className="mt-1 text-base text-stone-600">
          New from sellers you follow first, then what is popular.
        </p>
      </div>
      {nothingFollowed && <FollowHint />}
      <ItemGrid pages={pages} label="Your feed" showReason empty={<FeedEmpty />} />
    </section>
  );
}
