import { formatMoney, minorToDecimal } from '../../lib/money';
import type { PriceBand } from './api/search';

/** Search prices are in euros on screen and in cents in the URL and the API. */
const CURRENCY = 'EUR';
const wholeEuros = new Intl.NumberFormat('en', {
  style: 'currency',
  currency: CURRENCY,
  maximumFractionDigits: 0,
});

/** "€10", or "€12.50" when there are cents. */
export function formatEuros(cents: number): string {
  return cents % 100 === 0
    ? wholeEuros.format(cents / 100)
    : formatMoney({ amount: cents, currency: CURRENCY });
}

/** A chosen price range; both ends are included. */
export function priceRangeLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${formatEuros(min)} – ${formatEuros(max)}`;
  if (min !== null) return `From ${formatEuros(min)}`;
  if (max !== null) return `Up to ${formatEuros(max)}`;
  return 'Any price';
}

/** A price band of the facet, whose upper bound is excluded. */
export function priceBandLabel(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return `${formatEuros(min)} – ${formatEuros(max)}`;
  if (max !== null) return `Under ${formatEuros(max)}`;
  if (min !== null) return `${formatEuros(min)} and more`;
  return 'Any price';
}

/** Cents as a person would type them: "12.5" for 1250, "10" for 1000. */
export function centsToInput(cents: number | null): string {
  if (cents === null) return '';
  return minorToDecimal(cents, CURRENCY).replace(/\.?0+$/, '');
}

/** The price filter that picks a band: `price_max` is inclusive, a band's upper edge is not. */
export function bandRange({ min, max }: Pick<PriceBand, 'min' | 'max'>) {
  return { min, max: max === null ? null : max - 1 };
}

/** The band of the facet that a chosen range is, if it is one. */
export function matchingBand(
  bands: PriceBand[] | undefined,
  min: number | null,
  max: number | null,
): PriceBand | undefined {
  if (min === null && max === null) return undefined;
  return bands?.find((band) => {
    const range = bandRange(band);
    return range.min === min && range.max === max;
  });
}
