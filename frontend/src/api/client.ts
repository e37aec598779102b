import createClient from 'openapi-fetch';
import { csrfMiddleware } from './csrf';
import type { paths } from './schema';
import { createSessionRefreshMiddleware, type RefreshOutcome } from './session-refresh';

/**
 * The one typed client for the Reloop API. Paths and bodies are checked against
 * `schema.d.ts`, which `npm run generate:api` builds from `openapi.json`.
 */
export const apiClient = createClient<paths>({
  // An absolute origin, because `new Request('/readyz')` is only valid inside a browser page;
  // tests and other non-window runtimes reject relative URLs.
  baseUrl: globalThis.location.origin,
  // openapi-fetch captures `fetch` when the client is created; looking it up on each call
  // lets tests stub the network boundary after this module has been imported.
  fetch: (request) => globalThis.fetch(request),
  headers: { Accept: 'application/json' },
});

const REFRESH_PATH = '/api/v1/auth/refresh';

async function refreshSession(): Promise<RefreshOutcome> {
  try {
    // An empty body: the browser sends the refresh cookie, the middleware the CSRF header.
    const { response } = await apiClient.POST(REFRESH_PATH, { body: {} });
    if (response.ok) return 'refreshed';
    return response.status === 401 || response.status === 403 ? 'ended' : 'failed';
  } catch {
    return 'failed';
  }
}

apiClient.use(csrfMiddleware, createSessionRefreshMiddleware(REFRESH_PATH, refreshSession));
