import type { SearchPage } from '../features/search/api/search';
import { stubFetch } from './fetch-stub';
import { taxonomyResponse } from './fixtures';

type SearchAnswer = (
  params: URLSearchParams,
  request: Request,
) => SearchPage | Response | Promise<Response>;
type OtherAnswer = (request: Request) => Response | null | Promise<Response | null>;

/**
 * Answers GET /search/items with `answer` (given the request's query string), the
 * taxonomy reads with the fixtures, and anything else with `other`, or fails the test.
 */
export function stubSearch(answer: SearchAnswer, other: OtherAnswer = () => null) {
  return stubFetch(async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/search/items') {
      const answered = await answer(url.searchParams, request);
      return answered instanceof Response ? answered : Response.json(answered);
    }
    const response = taxonomyResponse(request) ?? (await other(request));
    if (!response) throw new Error(`unexpected ${request.method} ${url.pathname}`);
    return response;
  });
}

/** The query string of each search the page asked the API for, in order. */
export function searchRequests(mock: ReturnType<typeof stubFetch>): URLSearchParams[] {
  return mock.mock.calls.flatMap(([input]) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.pathname === '/api/v1/search/items' ? [url.searchParams] : [];
  });
}

/** The query string the app is at now. */
export function currentParams(router: { state: { location: { search: string } } }) {
  return new URLSearchParams(router.state.location.search);
}
