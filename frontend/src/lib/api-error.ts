import type { components } from '../api/schema';

export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];

interface ApiErrorInit {
  status: number;
  code: string;
  message: string;
  details: Record<string, unknown> | null;
  requestId: string | null;
  retryAfterSeconds?: number | null;
}

/**
 * A failed API call, in the shape of the backend's error envelope. Forms read `code` and
 * `details` to place messages next to fields; `requestId` lets support find the log line.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | null;
  readonly requestId: string | null;
  /** From `Retry-After` on a 429: how long to wait before asking again. */
  readonly retryAfterSeconds: number | null;

  constructor({ status, code, message, details, requestId, retryAfterSeconds }: ApiErrorInit) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
    this.retryAfterSeconds = retryAfterSeconds ?? null;
  }

  /** 4xx: the request itself was wrong, so sending it again will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  if (!isRecord(body) || !isRecord(body.error)) return false;
  const { code, message } = body.error;
  return typeof code === 'string' && typeof message === 'string';
}

/** `Retry-After` in its delta-seconds form, the one the API sends. */
function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/**
 * Turns a failed response and its parsed body (as openapi-fetch hands them back) into an
 * ApiError. Bodies that are not an envelope, such as a proxy's HTML error page, still give
 * a usable error with a code derived from the status.
 */
export function toApiError(response: Response, body: unknown): ApiError {
  const headerRequestId = response.headers.get('X-Request-ID');
  const retryAfter = retryAfterSeconds(response);
  if (isErrorEnvelope(body)) {
    const { code, message, details, request_id } = body.error;
    return new ApiError({
      status: response.status,
      code,
      message,
      details: isRecord(details) ? details : null,
      requestId: typeof request_id === 'string' ? request_id : headerRequestId,
      retryAfterSeconds: retryAfter,
    });
  }
  return new ApiError({
    status: response.status,
    code: `http_${response.status}`,
    message: `The server answered with an unexpected error (HTTP ${response.status}).`,
    details: null,
    requestId: headerRequestId,
    retryAfterSeconds: retryAfter,
  });
}

/**
 * The thing asked for does not exist, or not for this viewer: a 404, or a 422 for an id
 * that is not even well-formed (the API validates path ids before looking them up).
 */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 422);
}
