import { XMarkIcon } from '@heroicons/react/16/solid';
import type { ActiveFilter } from '../filter-labels';
import type { SearchFilters } from '../search-state';

interface ActiveFiltersProps {
  active: ActiveFilter[];
  /** The search without any filter (its words kept). */
  cleared: SearchFilters;
  show: (filters: SearchFilters) => void;
}

/** The filters in use as chips, each removable, and a way to remove them all. */
export function ActiveFilters({ active, cleared, show }: ActiveFiltersProps) {
  if (active.length === 0) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2">
      {active.map((filter) => (
        <li key={filter.id}>
          <button
            type="button"
            onClick={() => {
              show(filter.without);
            }}
            aria-label={`Remove filter: ${filter.label}`}
            className="inline-flex max-w-64 items-center gap-1.5 rounded-full bg-brand-50 py-1 pr-2 pl-3 text-sm font-medium text-brand-900 ring-1 ring-brand-200 hover:bg-brand-100"
          >
            <span className="truncate">{filter.label}</span>
            <XMarkIcon className="size-4 shrink-0 text-brand-700" aria-hidden="true" />
          </button>
        </li>
      ))}
      <li>
        <button
          type="button"
          onClick={() => {
            show(cleared);
          }}
          className="rounded-full px-2 py-1 text-sm font-semibold text-stone-700 hover:bg-stone-100 hover:text-stone-900"
        >
          Clear all
        </button>
      </li>
    </ul>
  );
}
