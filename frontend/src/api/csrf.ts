import type { Middleware } from 'openapi-fetch';

/** The readable cookie the API sets at sign-in; its value is this session's CSRF token. */
const CSRF_COOKIE = 'reloop_csrf';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function readCookie(name: string): string | null {
  for (const pair of document.cookie.split(';')) {
    const separator = pair.indexOf('=');
    if (separator === -1) continue;
    if (pair.slice(0, separator).trim() === name) {
      return decodeURIComponent(pair.slice(separator + 1).trim());
    }
  }
  return null;
}

/**
 * Adds `X-CSRF-Token` to a write. The cookie is read at request time, not cached, because
 * signing in, refreshing or signing out in another tab replaces it.
 */
export function addCsrfHeader(request: Request): Request {
  if (!UNSAFE_METHODS.has(request.method)) return request;
  const token = readCookie(CSRF_COOKIE);
  if (token) request.headers.set('X-CSRF-Token', token);
  return request;
}

export const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    return addCsrfHeader(request);
  },
};
