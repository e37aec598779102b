import {
  Combobox,
  ComboboxButton,
  ComboboxInput,
  ComboboxOption,
  ComboboxOptions,
  Description,
  Field,
  Label,
} from '@headlessui/react';
import { CheckIcon, ChevronUpDownIcon, ExclamationCircleIcon } from '@heroicons/react/20/solid';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { forwardRef, useState } from 'react';
import { controlClasses } from '../../../../components/ui/field-styles';
import { Spinner } from '../../../../components/ui/Spinner';
import { useDebouncedValue } from '../../../../lib/use-debounced-value';
import { type Brand, brandsQuery } from '../../api/taxonomy';

const SEARCH_DELAY_MS = 250;

const optionClasses =
  'flex cursor-default items-center justify-between gap-3 rounded-lg px-3 py-2 text-sm text-stone-800 select-none data-focus:bg-brand-50 data-focus:text-brand-900';

interface BrandComboboxProps {
  value: Brand | null;
  onChange: (brand: Brand | null) => void;
  onBlur: () => void;
  error?: string | undefined;
}

/**
 * Type to search the brands (by name or a known alias, e.g. "LV"); the API is asked once
 * typing pauses. "No brand" is always offered, for unbranded and handmade things.
 */
export const BrandCombobox = forwardRef<HTMLInputElement, BrandComboboxProps>(
  function BrandCombobox({ value, onChange, onBlur, error }, ref) {
    const [query, setQuery] = useState('');
    const search = useDebouncedValue(query.trim(), SEARCH_DELAY_MS);
    const brands = useQuery({ ...brandsQuery(search), placeholderData: keepPreviousData });
    const settling = search !== query.trim() || brands.isFetching;
    const results = brands.data ?? [];

    return (
      <Field className="space-y-1.5">
        <Label className="block text-sm font-semibold text-stone-900">
          Brand <span className="font-normal text-stone-500">(optional)</span>
        </Label>
        <Combobox
          value={value}
          onChange={onChange}
          onClose={() => {
            setQuery('');
          }}
          invalid={Boolean(error)}
          immediate
        >
          <div className="relative">
            <ComboboxInput<Brand | null>
              ref={ref}
              displayValue={(brand) => brand?.name ?? ''}
              onChange={(event) => {
                setQuery(event.target.value);
              }}
              onBlur={onBlur}
              placeholder="Search brands, or leave empty"
              autoComplete="off"
              className={`${controlClasses} h-11 pr-10`}
            />
            <ComboboxButton
              aria-label="Show brands"
              className="absolute inset-y-0 right-0 flex items-center px-2.5 text-stone-500"
            >
              <ChevronUpDownIcon className="size-5" aria-hidden="true" />
            </ComboboxButton>
          </div>
          <ComboboxOptions
            anchor="bottom start"
            modal={false}
            className="z-50 max-h-72 w-(--input-width) overflow-y-auto rounded-xl bg-white p-1 shadow-lg ring-1 ring-stone-200 [--anchor-gap:6px] empty:invisible"
          >
            <ComboboxOption value={null} className={optionClasses}>
              {({ selected }) => (
                <>
                  <span className="text-stone-600 italic">No brand</span>
                  {selected && <CheckIcon className="size-4 text-brand-700" aria-hidden="true" />}
                </>
              )}
            </ComboboxOption>
            {results.map((brand) => (
              <ComboboxOption key={brand.id} value={brand} className={optionClasses}>
                {({ selected }) => (
                  <>
                    <span className="truncate">{brand.name}</span>
                    {selected && (
                      <CheckIcon className="size-4 shrink-0 text-brand-700" aria-hidden="true" />
                    )}
                  </>
                )}
              </ComboboxOption>
            ))}
            {settling && (
              <p className="flex items-center gap-2 px-3 py-2 text-sm text-stone-600">
                <Spinner className="size-4 text-stone-500" />
                Searching…
              </p>
            )}
            {!settling && search && results.length === 0 && (
              <p className="px-3 py-2 text-sm text-stone-600">No brand matches “{search}”.</p>
            )}
          </ComboboxOptions>
        </Combobox>
        {error && (
          <Description className="flex items-start gap-1.5 text-sm font-medium text-red-700">
            <ExclamationCircleIcon className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            <span>{error}</span>
          </Description>
        )}
      </Field>
    );
  },
);
