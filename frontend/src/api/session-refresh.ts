import type { Middleware } from 'openapi-fetch';
import { isErrorEnvelope } from '../lib/api-error';
import { addCsrfHeader } from './csrf';

/** What asking for a new access token came to. */
export type RefreshOutcome = 'refreshed' | 'ended' | 'failed';

const sessionEndedListeners = new Set<() => void>();

/**
 * Called when the API refuses to refresh the session: the member is signed out (the
 * session was revoked, expired, or signed out elsewhere). Returns the unsubscribe.
 */
export function onSessionEnded(listener: () => void): () => void {
  sessionEndedListeners.add(listener);
  return () => {
    sessionEndedListeners.delete(listener);
  };
}

async function isExpiredAccessToken(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const body: unknown = await response
    .clone()
    .json()
    .catch(() => null);
  return isErrorEnvelope(body) && body.error.code === 'token_expired';
}

/**
 * Retries a request once with a fresh access token when the API answers 401
 * `token_expired`. Concurrent failures share one refresh: the refresh token rotates on
 * every use, so a second refresh with the old one would look like token theft.
 *
 * The retry goes straight to `fetch`, past the middleware, so it can never loop.
 */
export function createSessionRefreshMiddleware(
  refreshPath: string,
  refresh: () => Promise<RefreshOutcome>,
): Middleware {
  let inFlight: Promise<RefreshOutcome> | null = null;
  // A request's body can be read only once, and `fetch` reads it; keep a copy to resend.
  const copies = new Map<string, Request>();

  function refreshOnce(): Promise<RefreshOutcome> {
    inFlight ??= refresh()
      .then((outcome) => {
        if (outcome === 'ended') {
          for (const listener of sessionEndedListeners) listener();
        }
        return outcome;
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  return {
    onRequest({ request, schemaPath, id }) {
      if (schemaPath !== refreshPath) copies.set(id, request.clone());
      return undefined;
    },
    async onResponse({ response, id, options }) {
      const copy = copies.get(id);
      copies.delete(id);
      if (!copy || !(await isExpiredAccessToken(response))) return undefined;

      if ((await refreshOnce()) !== 'refreshed') return undefined;
      return options.fetch(addCsrfHeader(copy));
    },
    onError({ id }) {
      copies.delete(id);
    },
  };
}
