import { vi } from 'vitest';

type Responder = (request: Request) => Response | Promise<Response>;

/**
 * Replaces `fetch` for one test, so requests are answered at the network boundary and the
 * code under test runs unchanged. Returns the mock to assert on what was requested.
 */
export function stubFetch(respond: Responder) {
  const mock = vi.fn((input: RequestInfo | URL) =>
    Promise.resolve(respond(input instanceof Request ? input : new Request(input))),
  );
  vi.stubGlobal('fetch', mock);
  return mock;
}

export function requestedPaths(mock: ReturnType<typeof stubFetch>): string[] {
  return mock.mock.calls.map(
    ([input]) => new URL(input instanceof Request ? input.url : input).pathname,
  );
}

/** "METHOD /path" for each request, in order, to assert on what was sent. */
export function requestedCalls(mock: ReturnType<typeof stubFetch>): string[] {
  return mock.mock.calls.map(([input]) => {
    const request = input instanceof Request ? input : new Request(input);
    return `${request.method} ${new URL(request.url).pathname}`;
  });
}
