import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error';
import { applyServerErrors, formErrorMessage } from './form-errors';
import { formatWait } from './format';

function apiError(status: number, details: Record<string, unknown> | null = null) {
  return new ApiError({
    status,
    code: 'x',
    message: 'Some fields are not valid.',
    details,
    requestId: null,
    retryAfterSeconds: status === 429 ? 45 : null,
  });
}

describe('applyServerErrors', () => {
  it('places known fields, focusing the first, and leaves nothing for the alert', () => {
    const setError = vi.fn();
    const error = apiError(422, {
      fields: [
        { field: 'location.city', message: 'Too long.' },
        { field: 'bio', message: 'Too long too.' },
      ],
    });

    expect(applyServerErrors(error, setError, { 'location.city': 'city', bio: 'bio' })).toBeNull();
    expect(setError).toHaveBeenNthCalledWith(
      1,
      'city',
      { type: 'server', message: 'Too long.' },
      { shouldFocus: true },
    );
    expect(setError).toHaveBeenNthCalledWith(
      2,
      'bio',
      { type: 'server', message: 'Too long too.' },
      { shouldFocus: false },
    );
  });

  it('sends what has no field to the alert', () => {
    const setError = vi.fn();
    const error = apiError(422, { fields: [{ field: 'role', message: 'Not allowed.' }] });

    expect(applyServerErrors(error, setError, {})).toBe('Not allowed.');
    expect(applyServerErrors(apiError(500), setError, {})).toBe('Some fields are not valid.');
    expect(setError).not.toHaveBeenCalled();
  });
});

describe('formErrorMessage', () => {
  it('explains a network failure and a rate limit', () => {
    expect(formErrorMessage(new TypeError('Failed to fetch'))).toMatch(/could not reach Reloop/);
    expect(formErrorMessage(apiError(429))).toBe('Too many attempts, try again in 45 seconds.');
  });
});

describe('formatWait', () => {
  it.each([
    [0.2, '1 second'],
    [1, '1 second'],
    [59, '59 seconds'],
    [60, '1 minute'],
    [61, '2 minutes'],
    [3600, '60 minutes'],
  ])('%s s is "%s"', (seconds, text) => {
    expect(formatWait(seconds)).toBe(text);
  });
});
