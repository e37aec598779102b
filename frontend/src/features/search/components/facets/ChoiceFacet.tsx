import { useState } from 'react';
import type { FacetValue } from '../../api/search';
import { FacetCount, FacetGroup } from './FacetGroup';

interface ChoiceFacetProps {
  legend: string;
  /** The facet's values in the plural, for "Show all 24 brands". */
  plural: string;
  values: FacetValue[];
  /** The values chosen in the URL: ticked at once, before the new results arrive. */
  chosen: string[];
  onToggle: (value: string) => void;
  /** How many to list before "Show all". */
  shownAtFirst?: number;
  /** A colour to show beside a value, for colour facets. */
  swatch?: (value: string) => string | undefined;
}

/** "Multicolour" has no single hex worth showing; a wheel says it better. */
const MULTICOLOUR = 'conic-gradient(#d0202e, #f7d21e, #2e8b57, #1f5fbf, #6f3d99, #d0202e)';

function Swatch({ background }: { background: string }) {
  return (
    <span
      aria-hidden="true"
      className="size-4 shrink-0 rounded-full ring-1 ring-stone-900/15 ring-inset"
      style={{ background }}
    />
  );
}

/** Checkboxes for a facet that takes several values (brands, sizes, conditions, colours). */
export function ChoiceFacet({
  legend,
  plural,
  values,
  chosen,
  onToggle,
  shownAtFirst = 8,
  swatch,
}: ChoiceFacetProps) {
  const [showAll, setShowAll] = useState(false);
  if (values.length === 0) return null;
  // Chosen values stay in view even when they rank below the first few.
  const shown = showAll
    ? values
    : values.filter((facet, index) => index < shownAtFirst || chosen.includes(facet.value));
  return (
    <FacetGroup legend={legend}>
      <ul className="space-y-0.5">
        {shown.map((facet) => {
          const background = swatch?.(facet.value);
          return (
            <li key={facet.value}>
              <label className="flex cursor-pointer items-center gap-2.5 rounded-lg px-1.5 py-1.5 text-sm text-stone-800 hover:bg-stone-100">
                <input
                  type="checkbox"
                  checked={chosen.includes(facet.value)}
                  onChange={() => {
                    onToggle(facet.value);
                  }}
                  className="size-4 shrink-0 accent-brand-700"
                />
                {background && (
                  <Swatch background={facet.value === 'multi' ? MULTICOLOUR : background} />
                )}
                <span className="min-w-0 truncate">{facet.label}</span>
                <FacetCount count={facet.count} />
              </label>
            </li>
          );
        })}
      </ul>
      {values.length > shown.length && (
        <button
          type="button"
          onClick={() => {
            setShowAll(true);
          }}
          className="mt-1 rounded px-1.5 text-sm font-semibold text-brand-700 hover:text-brand-900 hover:underline"
        >
          Show all {values.length} {plural}
        </button>
      )}
    </FacetGroup>
  );
}
