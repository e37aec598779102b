import type { components } from '../api/schema';

/** An amount in integer minor units (cents) and its ISO-4217 currency, as the API sends it. */
export type Money = components['schemas']['Money'];

const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currency: string): Intl.NumberFormat {
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en', { style: 'currency', currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

/** How many minor units digits the currency has: 2 for EUR, 0 for JPY. */
function minorDigits(currency: string): number {
  return formatterFor(currency).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * "1250" minor units as the exact decimal string "12.50", with integer arithmetic only,
 * so no amount is ever rounded through a binary float.
 */
export function minorToDecimal(amount: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = amount < 0 ? '-' : '';
  const absolute = Math.abs(amount);
  if (digits === 0) return `${sign}${absolute}`;
  const scale = 10 ** digits;
  const fraction = absolute % scale;
  return `${sign}${(absolute - fraction) / scale}.${String(fraction).padStart(digits, '0')}`;
}

/** "€12.50". Intl formats the decimal string exactly, as it would a number. */
export function formatMoney({ amount, currency }: Money): string {
  // A decimal string built from digits is a numeric literal, which Intl accepts as is.
  return formatterFor(currency).format(
    minorToDecimal(amount, currency) as Intl.StringNumericLiteral,
  );
}

/**
 * A price typed by a person ("12", "12.5", "12,50") in minor units (1250), or null when
 * it is not a plain positive amount with at most the currency's decimals. The string is
 * split into whole and fraction digits, never parsed as a float.
 */
export function parseMoneyInput(text: string, currency = 'EUR'): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
