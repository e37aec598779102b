import { LikedItems } from '../features/reactions/components/ReactedItems';
import { useDocumentTitle } from '../lib/use-document-title';

export function LikesPage() {
  useDocumentTitle('Your likes');
  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Your likes</h1>
      <p className="mt-1 text-base text-stone-600">Listings you liked, latest first.</p>
      <div className="mt-6 sm:mt-8">
        <LikedItems />
      </div>
    </div>
  );
}
