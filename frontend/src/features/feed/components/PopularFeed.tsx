import { ItemGrid } from '../../listings/components/grid/ItemGrid';
import { usePopularFeed } from '../hooks/useFeeds';
import { FeedEmpty } from './FeedEmpty';

/** Every popular listing, page after page. */
export function PopularFeed() {
  const pages = usePopularFeed();
  return <ItemGrid pages={pages} label="Popular listings" empty={<FeedEmpty />} />;
}
