import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api-error';

const MAX_QUERY_RETRIES = 2;

/**
 * Queries are GETs, so a retry is safe; it only helps when the failure was the network or
 * the server (5xx). A 4xx means the request itself is wrong and would fail again.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  return !(error instanceof ApiError && error.isClientError);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        staleTime: 30_000,
      },
      // Writes are not idempotent unless the endpoint takes an Idempotency-Key, so a
      // mutation decides for itself whether it may be replayed.
      mutations: { retry: false },
    },
  });
}
