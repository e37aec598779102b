import { PopularFeed } from '../features/feed/components/PopularFeed';
import { useDocumentTitle } from '../lib/use-document-title';

export function ExplorePage() {
  useDocumentTitle('Explore');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Explore</h1>
      <p className="mt-1 text-base text-stone-600">
        What people like, save and talk about most right now.
      </p>
      <div className="mt-6 sm:mt-8">
        <PopularFeed />
      </div>
    </div>
  );
}
