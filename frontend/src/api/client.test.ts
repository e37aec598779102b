import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '../test/fixtures';
import { requestedCalls, stubFetch } from '../test/fetch-stub';
import { apiClient } from './client';
import { onSessionEnded } from './session-refresh';

const member = { id: 'm-1', display_name: 'Ada' };

function setCsrfCookie(value: string) {
  document.cookie = `reloop_csrf=${value}; path=/`;
}

function expired() {
  return errorResponse(401, 'token_expired', 'Your session needs refreshing.');
}

/** Lets the event loop run, so concurrent requests all reach the server first. */
function tick(ms = 10) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

beforeEach(() => {
  setCsrfCookie('csrf-1');
  return () => {
    document.cookie = 'reloop_csrf=; max-age=0; path=/';
  };
});

describe('CSRF header', () => {
  it('sends the reloop_csrf cookie as X-CSRF-Token on writes, read at request time', async () => {
    const fetchMock = stubFetch(() => Response.json(member));

    await apiClient.PATCH('/api/v1/me', { body: { bio: 'Hello' } });
    setCsrfCookie('csrf-2');
    await apiClient.DELETE('/api/v1/auth/sessions/{session_id}', {
      params: { path: { session_id: 's-1' } },
    });

    const sent = fetchMock.mock.calls.map(([request]) => request as Request);
    expect(sent[0]?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(sent[1]?.headers.get('X-CSRF-Token')).toBe('csrf-2');
  });

  it('leaves reads alone', async () => {
    const fetchMock = stubFetch(() => Response.json(member));

    await apiClient.GET('/api/v1/me');

    const [request] = fetchMock.mock.calls[0] ?? [];
    expect((request as Request).headers.has('X-CSRF-Token')).toBe(false);
  });
});

describe('expired access token', () => {
  it('refreshes once for concurrent 401s, then retries each request', async () => {
    let refreshed = false;
    const fetchMock = stubFetch(async (request) => {
      const { pathname } = new URL(request.url);
      if (pathname === '/api/v1/auth/refresh') {
        await tick();
        refreshed = true;
        return Response.json({ csrf_token: 'csrf-1' });
      }
      if (!refreshed) return expired();
      if (pathname === '/api/v1/me') return Response.json(member);
      return Response.json({ items: [] });
    });

    const [me, sessions] = await Promise.all([
      apiClient.GET('/api/v1/me'),
      apiClient.GET('/api/v1/auth/sessions'),
    ]);

    expect(me.data).toEqual(member);
    expect(sessions.data).toEqual({ items: [] });
    const calls = requestedCalls(fetchMock);
    expect(calls.filter((call) => call === 'POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(calls).toHaveLength(5);
  });

  it('sends the refresh with the CSRF header and retries a write with its body', async () => {
    let refreshed = false;
    const fetchMock = stubFetch(async (request) => {
      if (new URL(request.url).pathname === '/api/v1/auth/refresh') {
        refreshed = true;
        return Response.json({});
      }
      if (!refreshed) return expired();
      return Response.json({ ...member, bio: ((await request.json()) as { bio: string }).bio });
    });

    const { data } = await apiClient.PATCH('/api/v1/me', { body: { bio: 'Still here' } });

    expect(data).toMatchObject({ bio: 'Still here' });
    const sent = fetchMock.mock.calls.map(([request]) => request as Request);
    expect(requestedCalls(fetchMock)).toEqual([
      'PATCH /api/v1/me',
      'POST /api/v1/auth/refresh',
      'PATCH /api/v1/me',
    ]);
    expect(sent[1]?.headers.get('X-CSRF-Token')).toBe('csrf-1');
    expect(await sent[1]?.json()).toEqual({});
    expect(sent[2]?.headers.get('X-CSRF-Token')).toBe('csrf-1');
  });

  it('retries only once', async () => {
    const fetchMock = stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/auth/refresh' ? Response.json({}) : expired(),
    );

    const { error, response } = await apiClient.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(error).toMatchObject({ error: { code: 'token_expired' } });
    expect(requestedCalls(fetchMock)).toEqual([
      'GET /api/v1/me',
      'POST /api/v1/auth/refresh',
      'GET /api/v1/me',
    ]);
  });

  it('announces the end of the session when the refresh is refused', async () => {
    const ended = vi.fn();
    const unsubscribe = onSessionEnded(ended);
    stubFetch((request) =>
      new URL(request.url).pathname === '/api/v1/auth/refresh'
        ? errorResponse(401, 'invalid_refresh_token', 'Sign in again.')
        : expired(),
    );

    const { response } = await apiClient.GET('/api/v1/me');
    unsubscribe();

    expect(response.status).toBe(401);
    expect(ended).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for other 401s', async () => {
    const fetchMock = stubFetch(() =>
      errorResponse(401, 'not_authenticated', 'Sign in to do this.'),
    );

    await apiClient.GET('/api/v1/me');

    expect(requestedCalls(fetchMock)).toEqual(['GET /api/v1/me']);
  });
});
