import type { ReactNode } from 'react';

interface FacetGroupProps {
  legend: string;
  children: ReactNode;
}

/** One facet of the filter panel: a group of controls named by its legend. */
export function FacetGroup({ legend, children }: FacetGroupProps) {
  return (
    <fieldset className="min-w-0 border-t border-stone-200 pt-4">
      <legend className="float-left mb-2 w-full text-sm font-semibold text-stone-900">
        {legend}
      </legend>
      <div className="clear-left">{children}</div>
    </fieldset>
  );
}

/** How many results a choice would leave, beside its name: "Nike (12)" to screen readers. */
export function FacetCount({ count }: { count: number }) {
  return (
    <>
      {' '}
      <span className="ml-auto pl-2 text-xs text-stone-500 tabular-nums">
        <span className="sr-only">(</span>
        {count.toLocaleString('en')}
        <span className="sr-only">)</span>
      </span>
    </>
  );
}
