import { toApiError } from '../lib/api-error';

/** What every `apiClient` call resolves to, whatever the path. */
interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call; a failed one becomes an `ApiError`. */
export function dataOrThrow<T>({ data, error, response }: FetchResult<T>): T {
  if (response.ok && data !== undefined) return data;
  throw toApiError(response, error);
}

/** For calls answered with 202 or 204 and no body worth reading. */
export function okOrThrow({ error, response }: FetchResult<unknown>): void {
  if (!response.ok) throw toApiError(response, error);
}
