import { Combobox, ComboboxInput, ComboboxOptions, Field, Label } from '@headlessui/react';
import { MagnifyingGlassIcon } from '@heroicons/react/20/solid';
import { type FormEvent, type KeyboardEvent, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../auth/hooks/useMe';
import { useClearRecentSearches } from '../hooks/useSavedSearches';
import { useRecentSearches, useSuggestions } from '../hooks/useSuggestions';
import { filtersOf, NO_FILTERS, type SearchFilters, searchHref } from '../search-state';
import { RecentSearchOptions, type Suggestion, TypedSuggestionOptions } from './SuggestionOptions';

interface HeaderSearchProps {
  /** The query currently shown on the search page, so the box reflects what was searched. */
  initialQuery: string;
}

/**
 * The search box of every page. Typing suggests brands, categories and popular searches
 * (a Headless UI combobox: arrow keys, Enter, Escape, and the listbox ARIA); Enter with
 * no suggestion highlighted searches for the words. Focused while empty, it offers the
 * member's recent searches.
 */
export function HeaderSearch({ initialQuery }: HeaderSearchProps) {
  const navigate = useNavigate();
  const { data: member } = useMe();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(initialQuery);
  const [focused, setFocused] = useState(false);
  const typed = text.trim();
  const suggestions = useSuggestions(text);
  const recent = useRecentSearches(Boolean(member) && focused && !typed);
  const clearRecent = useClearRecentSearches();

  function show(filters: SearchFilters) {
    setText(filters.q);
    input.current?.blur();
    void navigate(searchHref(filters));
  }

  function searchWords(words: string) {
    const trimmed = words.trim();
    if (trimmed) show({ ...NO_FILTERS, q: trimmed });
  }

  function handleChoice(choice: Suggestion | null) {
    // Null is the combobox letting go of its (never kept) selection, e.g. on blur.
    if (!choice) return;
    switch (choice.kind) {
      case 'words':
        searchWords(choice.text);
        return;
      case 'brand':
        show({ ...NO_FILTERS, brand: [choice.brand.id] });
        return;
      case 'category':
        show({ ...NO_FILTERS, category: choice.category.id });
        return;
      case 'recent':
        show(filtersOf(choice.search.query));
        return;
      case 'clear-recent':
        clearRecent.mutate();
        return;
    }
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // The combobox swallows Enter while it is open, even with nothing highlighted; then
    // Enter means "search for these words", as in any search box.
    if (event.key === 'Enter' && !event.currentTarget.getAttribute('aria-activedescendant')) {
      event.preventDefault();
      searchWords(event.currentTarget.value);
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    searchWords(text);
  }

  return (
    <form role="search" onSubmit={handleSubmit} className="w-full">
      <Combobox<Suggestion | null> value={null} onChange={handleChoice} immediate>
        <Field className="relative">
          <Label className="sr-only">Search Reloop</Label>
          <MagnifyingGlassIcon
            className="pointer-events-none absolute top-1/2 left-3.5 size-5 -translate-y-1/2 text-stone-500"
            aria-hidden="true"
          />
          <ComboboxInput<Suggestion | null>
            ref={input}
            type="search"
            name="q"
            displayValue={() => text}
            onChange={(event) => {
              setText(event.target.value);
            }}
            onKeyDown={handleKeyDown}
            onFocus={() => {
              setFocused(true);
            }}
            onBlur={() => {
              setFocused(false);
            }}
            placeholder="Search items, brands and more"
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
            className="h-11 w-full rounded-full border border-stone-300 bg-stone-50 pr-4 pl-11 text-base text-stone-900 placeholder:text-stone-500 hover:border-stone-400 focus:border-brand-600 focus:bg-white sm:text-sm"
          />
        </Field>
        <ComboboxOptions
          anchor="bottom start"
          modal={false}
          className="z-50 max-h-[min(28rem,70dvh)] w-(--input-width) overflow-y-auto rounded-xl bg-white p-1 shadow-lg ring-1 ring-stone-200 [--anchor-gap:6px] empty:invisible"
        >
          {typed ? (
            <TypedSuggestionOptions text={typed} suggestions={suggestions.data} />
          ) : (
            <RecentSearchOptions searches={recent.data ?? []} />
          )}
        </ComboboxOptions>
      </Combobox>
    </form>
  );
}
