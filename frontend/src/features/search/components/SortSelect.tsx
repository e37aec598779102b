import { Field, Label, Select } from '@headlessui/react';
import { controlClasses } from '../../../components/ui/field-styles';
import type { SearchSort } from '../api/search';
import { SEARCH_SORTS } from '../search-state';

const SORT_NAMES: Record<SearchSort, string> = {
  relevance: 'Relevance',
  newest: 'Newest first',
  price_asc: 'Price: low to high',
  price_desc: 'Price: high to low',
};

interface SortSelectProps {
  sort: SearchSort;
  onChange: (sort: SearchSort) => void;
}

export function SortSelect({ sort, onChange }: SortSelectProps) {
  return (
    <Field className="flex items-center gap-2">
      {/* Phones keep the filter button and the sort on one row; the select says which. */}
      <Label className="sr-only text-sm font-medium text-stone-700 sm:not-sr-only">
        <span className="whitespace-nowrap">Sort by</span>
      </Label>
      <Select
        value={sort}
        onChange={(event) => {
          const chosen = SEARCH_SORTS.find((option) => option === event.target.value);
          if (chosen) onChange(chosen);
        }}
        className={`${controlClasses} h-9 w-auto py-0 pr-8`}
      >
        {SEARCH_SORTS.map((option) => (
          <option key={option} value={option}>
            {SORT_NAMES[option]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
