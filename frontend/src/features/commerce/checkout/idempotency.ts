import { useRef } from 'react';
import { ApiError } from '../../../lib/api-error';

/**
 * Whether the server may not have finished with a request: no answer at all (a network
 * error), a 5xx, or the first copy still running. Sending the same request again must
 * then carry the same key, so the server can answer it once.
 */
export function mayBeUnfinished(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.code === 'idempotency_request_in_flight';
}

/**
 * One Idempotency-Key per attempt: the same body sent again after an unanswered try gets
 * the key of that try; any other body, or a try the server answered, gets a new one.
 */
export function useIdempotencyKey() {
  const attempt = useRef<{ key: string; fingerprint: string } | null>(null);
  return {
    keyFor(body: unknown): string {
      const fingerprint = JSON.stringify(body);
      if (attempt.current?.fingerprint === fingerprint) return attempt.current.key;
      const key = crypto.randomUUID();
      attempt.current = { key, fingerprint };
      return key;
    },
    /** After an answer: keeps the key only when the server may not have finished. */
    settle(error: unknown = null): void {
      if (error === null || !mayBeUnfinished(error)) attempt.current = null;
    },
  };
}
