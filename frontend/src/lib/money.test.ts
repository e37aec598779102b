import { describe, expect, it } from 'vitest';
import { formatMoney, minorToDecimal, parseMoneyInput } from './money';

describe('parseMoneyInput', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12,50', 1250],
    ['0.1', 10],
    ['0,05', 5],
    [' 7 ', 700],
    ['12.', 1200],
    ['100000.00', 10_000_000],
    // 0.29 * 100 is 28.999999999999996 in floating point; digits never go through a float.
    ['0.29', 29],
    ['1.15', 115],
  ])('reads %j as %i minor units', (text, minor) => {
    expect(parseMoneyInput(text)).toBe(minor);
  });

  it.each(['12.345', 'abc', '-5', '', '.5', '1,2,3', '1 000', '1e3', '12.5€'])(
    'refuses %j',
    (text) => {
      expect(parseMoneyInput(text)).toBeNull();
    },
  );
});

describe('minorToDecimal', () => {
  it.each([
    [1250, '12.50'],
    [5, '0.05'],
    [10_000_000, '100000.00'],
    [0, '0.00'],
  ])('writes %i as %s', (minor, text) => {
    expect(minorToDecimal(minor, 'EUR')).toBe(text);
  });
});

describe('formatMoney', () => {
  it('formats minor units in the currency', () => {
    expect(formatMoney({ amount: 1250, currency: 'EUR' })).toBe('€12.50');
    expect(formatMoney({ amount: 123_456_789, currency: 'EUR' })).toBe('€1,234,567.89');
    expect(formatMoney({ amount: 29, currency: 'EUR' })).toBe('€0.29');
  });
});
