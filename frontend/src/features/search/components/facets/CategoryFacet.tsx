import { ChevronLeftIcon } from '@heroicons/react/16/solid';
import { useId } from 'react';
import { Link } from 'react-router';
import { type CategoryNode, categoryPath } from '../../../listings/api/taxonomy';
import type { FacetValue } from '../../api/search';
import { FacetCount } from './FacetGroup';

interface CategoryFacetProps {
  /** The chosen category's children, or the top categories when none is chosen. */
  values: FacetValue[];
  chosen: string | null;
  tree: CategoryNode[] | undefined;
  /** The search in this category (null: in every category). */
  hrefFor: (categoryId: string | null) => string;
}

const upLinkClasses =
  'flex items-center gap-1 rounded-lg px-1.5 py-1 text-sm text-stone-700 hover:bg-stone-100 hover:text-stone-900';

/**
 * Drill-down through the category tree: the way back up (every category, then each
 * ancestor), the chosen category, and its children with their counts.
 */
export function CategoryFacet({ values, chosen, tree, hrefFor }: CategoryFacetProps) {
  const headingId = useId();
  const path = chosen && tree ? (categoryPath(tree, chosen) ?? []) : [];
  const current = path.at(-1);
  if (!chosen && values.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="border-t border-stone-200 pt-4">
      <h3 id={headingId} className="mb-2 text-sm font-semibold text-stone-900">
        Category
      </h3>
      {chosen && (
        <ul className="mb-1 space-y-0.5">
          {[null, ...path.slice(0, -1)].map((ancestor) => (
            <li key={ancestor?.id ?? 'all'}>
              <Link to={hrefFor(ancestor?.id ?? null)} className={upLinkClasses}>
                <ChevronLeftIcon className="size-4 shrink-0 text-stone-500" aria-hidden="true" />
                {ancestor ? ancestor.name : 'All categories'}
              </Link>
            </li>
          ))}
          {current && (
            <li aria-current="true" className="px-1.5 py-1 text-sm font-semibold text-brand-900">
              {current.name}
            </li>
          )}
        </ul>
      )}
      {values.length > 0 && (
        <ul className={`space-y-0.5 ${chosen ? 'ml-3 border-l border-stone-200 pl-2' : ''}`}>
          {values.map((facet) => (
            <li key={facet.value}>
              <Link
                to={hrefFor(facet.value)}
                className="flex items-center rounded-lg px-1.5 py-1.5 text-sm text-stone-800 hover:bg-stone-100 hover:text-stone-900"
              >
                <span className="min-w-0 truncate">{facet.label}</span>
                <FacetCount count={facet.count} />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
