import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-error';
import { shouldRetryQuery } from './query-client';

function apiError(status: number): ApiError {
  return new ApiError({ status, code: 'x', message: 'x', details: null, requestId: null });
}

describe('shouldRetryQuery', () => {
  it('retries network failures and server errors a couple of times', () => {
    expect(shouldRetryQuery(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetryQuery(1, apiError(503))).toBe(true);
    expect(shouldRetryQuery(2, apiError(503))).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 422, 429])('never retries a %i', (status) => {
    expect(shouldRetryQuery(0, apiError(status))).toBe(false);
  });
});
