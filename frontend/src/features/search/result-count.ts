import type { SearchPage } from './api/search';

/** "1 result", "1,234 results", or "1,000+ results" when the API stopped counting. */
export function resultCountText({ value, capped }: SearchPage['total']): string {
  const number = `${value.toLocaleString('en')}${capped ? '+' : ''}`;
  return `${number} ${value === 1 && !capped ? 'result' : 'results'}`;
}
