import type { SearchPage } from '../api/search';
import { resultCountText } from '../result-count';

/** A live region, so the effect of a filter is read out when the new count lands. */
export function ResultCount({ total }: { total: SearchPage['total'] | undefined }) {
  return (
    <p aria-live="polite" className="text-base text-stone-600">
      {total ? resultCountText(total) : ''}
    </p>
  );
}
