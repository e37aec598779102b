import { ArrowRightIcon } from '@heroicons/react/20/solid';
import { TextLink } from '../../../components/ui/TextLink';
import { ItemGrid } from '../../listings/components/grid/ItemGrid';
import { usePopularFeed } from '../hooks/useFeeds';
import { FeedEmpty } from './FeedEmpty';

/** Two rows on a wide screen: enough to show what is here, short enough to keep the page. */
const PREVIEW_SIZE = 8;

/** Popular listings on the visitors' home page, with the way to the rest (Explore). */
export function PopularPreview() {
  const pages = usePopularFeed(PREVIEW_SIZE);
  return (
    <section aria-labelledby="popular-heading" className="mx-auto max-w-6xl px-4 pt-16 sm:px-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2
          id="popular-heading"
          className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl"
        >
          Popular right now
        </h2>
        <TextLink to="/explore" className="inline-flex items-center gap-1 text-sm">
          See everything popular
          <ArrowRightIcon className="size-4" aria-hidden="true" />
        </TextLink>
      </div>
      <div className="mt-6">
        <ItemGrid pages={pages} label="Popular listings" endless={false} empty={<FeedEmpty />} />
      </div>
    </section>
  );
}
