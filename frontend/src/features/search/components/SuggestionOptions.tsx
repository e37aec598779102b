import { ComboboxOption } from '@headlessui/react';
import {
  ClockIcon,
  MagnifyingGlassIcon,
  Squares2X2Icon,
  TagIcon,
  TrashIcon,
} from '@heroicons/react/20/solid';
import { type ComponentType, type ReactNode, type SVGProps, useId } from 'react';
import type { BrandSuggestion, CategorySuggestion, RecentSearch, Suggestions } from '../api/search';

/** What the search box can offer; choosing one goes to its search. */
export type Suggestion =
  | { kind: 'words'; text: string }
  | { kind: 'brand'; brand: BrandSuggestion }
  | { kind: 'category'; category: CategorySuggestion }
  | { kind: 'recent'; search: RecentSearch }
  | { kind: 'clear-recent' };

const optionClasses =
  'flex cursor-default items-center gap-3 rounded-lg px-3 py-2 text-sm text-stone-800 select-none data-focus:bg-brand-50 data-focus:text-brand-900';

interface OptionProps {
  value: Suggestion;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  children: ReactNode;
  /** Shown after the text, quieter: a category's path, a recent search's filters. */
  detail?: string | undefined;
}

function SuggestionOption({ value, icon: Icon, children, detail }: OptionProps) {
  return (
    <ComboboxOption value={value} className={optionClasses}>
      <Icon className="size-4 shrink-0 text-stone-400" aria-hidden="true" />
      <span className="min-w-0 truncate">
        {children}
        {detail && (
          <>
            {' '}
            <span className="text-stone-500">· {detail}</span>
          </>
        )}
      </span>
    </ComboboxOption>
  );
}

/** Options under a heading; the group is named by it for screen readers. */
function SuggestionGroup({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <div role="group" aria-labelledby={headingId} className="py-1">
      <div
        id={headingId}
        className="px-3 pt-1 pb-1 text-xs font-semibold tracking-wide text-stone-500 uppercase"
      >
        {title}
      </div>
      {children}
    </div>
  );
}

/** The box is empty: the member's last searches, and a way to forget them. */
export function RecentSearchOptions({ searches }: { searches: RecentSearch[] }) {
  if (searches.length === 0) return null;
  return (
    <SuggestionGroup title="Recent searches">
      {searches.map((search) => (
        <SuggestionOption
          key={search.searched_at}
          value={{ kind: 'recent', search }}
          icon={ClockIcon}
        >
          {search.summary}
        </SuggestionOption>
      ))}
      <SuggestionOption value={{ kind: 'clear-recent' }} icon={TrashIcon}>
        Clear recent searches
      </SuggestionOption>
    </SuggestionGroup>
  );
}

interface TypedOptionsProps {
  text: string;
  suggestions: Suggestions | undefined;
}

/** Something is typed: search for it, or for a brand, category or popular search like it. */
export function TypedSuggestionOptions({ text, suggestions }: TypedOptionsProps) {
  const typed = text.trim();
  const queries = suggestions?.queries.filter(
    (query) => query.toLowerCase() !== typed.toLowerCase(),
  );
  return (
    <>
      <SuggestionOption value={{ kind: 'words', text: typed }} icon={MagnifyingGlassIcon}>
        Search for “{typed}”
      </SuggestionOption>
      {suggestions && suggestions.brands.length > 0 && (
        <SuggestionGroup title="Brands">
          {suggestions.brands.map((brand) => (
            <SuggestionOption key={brand.id} value={{ kind: 'brand', brand }} icon={TagIcon}>
              {brand.name}
            </SuggestionOption>
          ))}
        </SuggestionGroup>
      )}
      {suggestions && suggestions.categories.length > 0 && (
        <SuggestionGroup title="Categories">
          {suggestions.categories.map((category) => (
            <SuggestionOption
              key={category.id}
              value={{ kind: 'category', category }}
              icon={Squares2X2Icon}
              detail={category.path.slice(0, -1).join(' › ') || undefined}
            >
              {category.name}
            </SuggestionOption>
          ))}
        </SuggestionGroup>
      )}
      {queries && queries.length > 0 && (
        <SuggestionGroup title="Popular searches">
          {queries.map((query) => (
            <SuggestionOption
              key={query}
              value={{ kind: 'words', text: query }}
              icon={MagnifyingGlassIcon}
            >
              {query}
            </SuggestionOption>
          ))}
        </SuggestionGroup>
      )}
    </>
  );
}
