import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it.each(['/settings', '/settings/email?tab=1#x', '/'])('follows %s', (next) => {
    expect(safeNextPath(next)).toBe(next);
  });

  it.each([null, '', 'settings', '//evil.com', '/\\evil.com', 'https://evil.com', 'javascript:x'])(
    'refuses %j',
    (next) => {
      expect(safeNextPath(next)).toBe('/');
    },
  );
});
