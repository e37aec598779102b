import createClient from 'openapi-fetch';
import type { paths } from './schema';

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
