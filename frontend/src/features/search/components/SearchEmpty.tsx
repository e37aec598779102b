import { MagnifyingGlassIcon } from '@heroicons/react/24/outline';
import { XMarkIcon } from '@heroicons/react/16/solid';
import { Button } from '../../../components/ui/Button';
import { EmptyState } from '../../listings/components/EmptyState';
import type { ActiveFilter } from '../filter-labels';
import type { SearchFilters } from '../search-state';

interface SearchEmptyProps {
  words: string;
  active: ActiveFilter[];
  cleared: SearchFilters;
  show: (filters: SearchFilters) => void;
}

/** Nothing found: offers to drop each filter in turn, since one of them is usually why. */
export function SearchEmpty({ words, active, cleared, show }: SearchEmptyProps) {
  const title = words ? `No results for “${words}”` : 'No results';
  if (active.length === 0) {
    return (
      <EmptyState icon={MagnifyingGlassIcon} title={title}>
        Check the spelling, or try fewer or more general words.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={MagnifyingGlassIcon}
      title={title}
      action={
        <div className="flex max-w-md flex-wrap justify-center gap-2">
          {active.map((filter) => (
            <Button
              key={filter.id}
              variant="secondary"
              size="sm"
              onClick={() => {
                show(filter.without);
              }}
            >
              <XMarkIcon className="size-4" aria-hidden="true" />
              Remove {filter.label}
            </Button>
          ))}
          {active.length > 1 && (
            <Button
              size="sm"
              onClick={() => {
                show(cleared);
              }}
            >
              Clear all filters
            </Button>
          )}
        </div>
      }
    >
      Try removing a filter: nothing matches all of them right now.
    </EmptyState>
  );
}
