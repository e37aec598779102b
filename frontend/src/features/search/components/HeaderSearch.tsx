import { Field, Input, Label } from '@headlessui/react';
import { MagnifyingGlassIcon } from '@heroicons/react/20/solid';
import type { FormEvent } from 'react';
import { createSearchParams, useNavigate } from 'react-router';

interface HeaderSearchProps {
  /** The query currently shown on the search page, so the box reflects what was searched. */
  initialQuery: string;
}

export function HeaderSearch({ initialQuery }: HeaderSearchProps) {
  const navigate = useNavigate();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = new FormData(event.currentTarget).get('q');
    const text = typeof query === 'string' ? query.trim() : '';
    if (!text) return;
    void navigate({ pathname: '/search', search: createSearchParams({ q: text }).toString() });
  }

  return (
    <form role="search" onSubmit={handleSubmit} className="w-full">
      <Field className="relative">
        <Label className="sr-only">Search Reloop</Label>
        <MagnifyingGlassIcon
          className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-stone-500"
          aria-hidden="true"
        />
        <Input
          type="search"
          name="q"
          defaultValue={initialQuery}
          placeholder="Search items, brands and more"
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          className="h-11 w-full rounded-full border border-stone-300 bg-stone-50 pr-4 pl-11 text-base text-stone-900 placeholder:text-stone-500 hover:border-stone-400 focus:border-brand-600 focus:bg-white sm:text-sm"
        />
      </Field>
    </form>
  );
}
