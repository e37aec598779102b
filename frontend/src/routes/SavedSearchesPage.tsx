import { SavedSearchList } from '../features/search/components/SavedSearchList';
import { useDocumentTitle } from '../lib/use-document-title';

export function SavedSearchesPage() {
  useDocumentTitle('Saved searches');
  return (
    <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6 sm:py-12">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">Saved searches</h1>
      <p className="mt-1 text-base text-stone-600">
        New listings that match a saved search show in your notifications.
      </p>
      <div className="mt-6 sm:mt-8">
        <SavedSearchList />
      </div>
    </div>
  );
}
