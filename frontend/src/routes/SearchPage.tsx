import { SearchView } from '../features/search/components/SearchView';
import { useSearchState } from '../features/search/hooks/useSearchState';
import { useDocumentTitle } from '../lib/use-document-title';

export function SearchPage() {
  const { filters } = useSearchState();
  useDocumentTitle(filters.q ? `${filters.q} · Search` : 'Search');
  return <SearchView />;
}
