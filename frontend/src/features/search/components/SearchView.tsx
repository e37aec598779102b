import { AdjustmentsHorizontalIcon } from '@heroicons/react/20/solid';
import { useState } from 'react';
import { Button } from '../../../components/ui/Button';
import { FormAlert } from '../../../components/ui/FormAlert';
import { ApiError } from '../../../lib/api-error';
import { formErrorMessage } from '../../../lib/form-errors';
import { ItemGrid } from '../../listings/components/grid/ItemGrid';
import { activeFilters, categoryName, describeSearch, type LabelSources } from '../filter-labels';
import { useLabelSources } from '../hooks/useLabelSources';
import { useSearchResults } from '../hooks/useSearchResults';
import { useSearchState } from '../hooks/useSearchState';
import { resultCountText } from '../result-count';
import { type SearchFilters, withoutFilters } from '../search-state';
import { ActiveFilters } from './ActiveFilters';
import { FilterDrawer } from './FilterDrawer';
import { FilterPanel } from './facets/FilterPanel';
import { ResultCount } from './ResultCount';
import { SaveSearchButton } from './SaveSearchButton';
import { SearchEmpty } from './SearchEmpty';
import { SortSelect } from './SortSelect';

/** Said above the results when the API searched for corrected words instead. */
function CorrectedQuery({ typed, corrected }: { typed: string; corrected: string }) {
  return (
    <p className="mb-6 rounded-xl bg-amber-50 px-4 py-3 text-sm leading-6 text-amber-950 ring-1 ring-amber-200">
      No results for “{typed}”. Showing results for{' '}
      <strong className="font-semibold">{corrected}</strong>.
    </p>
  );
}

/** A search that the API refused, such as a brand that no longer exists in a shared link. */
function SearchFailure({ error, onClear }: { error: unknown; onClear: () => void }) {
  const badFilter = error instanceof ApiError && error.status === 422;
  return (
    <FormAlert>
      {formErrorMessage(error)}{' '}
      {badFilter && (
        <Button variant="ghost" size="sm" onClick={onClear}>
          Clear all filters
        </Button>
      )}
    </FormAlert>
  );
}

/** The words searched for; else what the search is narrowed to, if that is one thing. */
function headingOf(filters: SearchFilters, sources: LabelSources): string {
  if (filters.q) return `Results for “${filters.q}”`;
  const category = filters.category ? categoryName(sources, filters.category) : undefined;
  if (category) return category;
  const [brand, ...otherBrands] = filters.brand;
  const brandName = sources.facets?.brands.find((facet) => facet.value === brand)?.label;
  return brandName && otherBrands.length === 0 ? brandName : 'All listings';
}

/**
 * The search page: the words and filters from the URL, a filter panel beside the results
 * (in a drawer on phones), chips for the filters in use, the sort, and an endless grid.
 */
export function SearchView() {
  const { filters, sort, show } = useSearchState();
  const results = useSearchResults(filters, sort);
  const firstPage = results.data?.pages[0];
  const sources = useLabelSources(firstPage?.facets);
  const active = activeFilters(filters, sources);
  const cleared = withoutFilters(filters);
  const [drawerOpen, setDrawerOpen] = useState(false);

  // Nothing found and nothing to loosen: a panel of zero counts would only be noise.
  const panel = firstPage && (firstPage.total.value > 0 || active.length > 0) && (
    <FilterPanel
      facets={firstPage.facets}
      filters={filters}
      sort={sort}
      sources={sources}
      show={show}
    />
  );
  const corrected = firstPage?.corrected_query;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-10">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-2xl font-bold tracking-tight break-words text-stone-900 sm:text-3xl">
            {headingOf(filters, sources)}
          </h1>
          <ResultCount total={firstPage?.total} />
        </div>
        <SaveSearchButton filters={filters} suggestedName={describeSearch(filters, sources)} />
      </div>

      <div className="mt-5 flex flex-wrap items-center gap-3">
        <Button
          variant="secondary"
          size="sm"
          className="lg:hidden"
          onClick={() => {
            setDrawerOpen(true);
          }}
        >
          <AdjustmentsHorizontalIcon className="size-4" aria-hidden="true" />
          Filters{active.length > 0 && ` (${active.length})`}
        </Button>
        {/* Beside the sort on wide screens, on a row of their own on phones. */}
        {active.length > 0 && (
          <div className="order-last basis-full lg:order-none lg:flex-1 lg:basis-0">
            <ActiveFilters active={active} cleared={cleared} show={show} />
          </div>
        )}
        <div className="ml-auto shrink-0">
          <SortSelect
            sort={sort}
            onChange={(nextSort) => {
              show(filters, nextSort);
            }}
          />
        </div>
      </div>

      <div className="mt-6 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-8">
        <aside
          aria-label="Filters"
          className="hidden lg:sticky lg:top-24 lg:block lg:max-h-[calc(100dvh-7rem)] lg:self-start lg:overflow-y-auto lg:pr-1"
        >
          {panel}
        </aside>
        <section
          aria-label="Results"
          aria-busy={results.isPlaceholderData}
          className={results.isPlaceholderData ? 'opacity-60 transition-opacity' : undefined}
        >
          {corrected && <CorrectedQuery typed={filters.q} corrected={corrected} />}
          {results.error && !results.data ? (
            <SearchFailure
              error={results.error}
              onClear={() => {
                show(cleared);
              }}
            />
          ) : (
            <ItemGrid
              pages={results}
              label="Search results"
              empty={
                <SearchEmpty words={filters.q} active={active} cleared={cleared} show={show} />
              }
            />
          )}
        </section>
      </div>

      <FilterDrawer
        open={drawerOpen}
        onClose={() => {
          setDrawerOpen(false);
        }}
        showLabel={firstPage ? `Show ${resultCountText(firstPage.total)}` : 'Show results'}
      >
        {panel}
      </FilterDrawer>
    </div>
  );
}
