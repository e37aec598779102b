import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './format';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('formatRelativeTime', () => {
  it.each([
    ['2026-11-24T11:59:30Z', 'just now'],
    ['2026-11-24T11:55:00Z', '5 minutes ago'],
    ['2026-11-24T09:00:00Z', '3 hours ago'],
    ['2026-11-23T12:00:00Z', 'yesterday'],
    ['2026-11-20T12:00:00Z', '4 days ago'],
  ])('says %s was %s', (iso, text) => {
    expect(formatRelativeTime(iso, NOW)).toBe(text);
  });

  it('gives the date itself after a week', () => {
    expect(formatRelativeTime('2026-10-01T12:00:00Z', NOW)).toBe(
      new Date('2026-10-01T12:00:00Z').toLocaleDateString(undefined, { dateStyle: 'medium' }),
    );
  });
});
