import { describe, expect, it } from 'vitest';
import { ApiError, isErrorEnvelope, toApiError } from './api-error';

describe('toApiError', () => {
  it('reads code, message, details and request id from the envelope', () => {
    const body = {
      error: {
        code: 'validation_error',
        message: 'Some fields are invalid.',
        details: { fields: { email: 'Enter a valid email address.' } },
        request_id: 'req-123',
      },
    };
    const error = toApiError(new Response(null, { status: 422 }), body);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'ApiError',
      status: 422,
      code: 'validation_error',
      message: 'Some fields are invalid.',
      details: { fields: { email: 'Enter a valid email address.' } },
      requestId: 'req-123',
      isClientError: true,
    });
  });

  it('falls back to the X-Request-ID header when the body has no request id', () => {
    const body = {
      error: { code: 'conflict', message: 'Taken.', details: null, request_id: null },
    };
    const response = new Response(null, { status: 409, headers: { 'X-Request-ID': 'hdr-7' } });

    expect(toApiError(response, body)).toMatchObject({ details: null, requestId: 'hdr-7' });
  });

  it('reads how long to wait from Retry-After on a 429', () => {
    const body = {
      error: { code: 'too_many_attempts', message: 'Wait.', details: null, request_id: 'r' },
    };
    const limited = new Response(null, { status: 429, headers: { 'Retry-After': '90' } });

    expect(toApiError(limited, body).retryAfterSeconds).toBe(90);
    expect(toApiError(new Response(null, { status: 409 }), body).retryAfterSeconds).toBeNull();
  });

  it('still gives a typed error for a body that is not an envelope', () => {
    const error = toApiError(new Response(null, { status: 502 }), '<html>Bad gateway</html>');

    expect(error).toMatchObject({
      status: 502,
      code: 'http_502',
      details: null,
      requestId: null,
      isClientError: false,
    });
    expect(error.message).toMatch(/HTTP 502/);
  });
});

describe('isErrorEnvelope', () => {
  it.each([null, 'oops', [], {}, { error: 'x' }, { error: { code: 1, message: 'm' } }])(
    'rejects %j',
    (body) => {
      expect(isErrorEnvelope(body)).toBe(false);
    },
  );
});
