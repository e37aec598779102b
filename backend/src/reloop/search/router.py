"""Search: results with facets, as-you-type suggestions, saved and recent searches."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from reloop.access.deps import CurrentMember, OptionalMember
from reloop.access.errors import NotAuthenticated
from reloop.kit.deps import CacheDep, RedisDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, RateLimited, error_responses
from reloop.kit.ratelimit import RateLimit, RateLimiter
from reloop.kit.rendering import json_response
from reloop.search import recent, saved, service, suggest
from reloop.search.errors import SavedSearchLimit, SavedSearchNotFound, UnknownFilterValue
from reloop.search.schemas import (
    RecentSearchList,
    SavedSearch,
    SavedSearchCreate,
    SavedSearchList,
    SearchPage,
    SearchParams,
    SearchQuery,
    Suggestions,
)
from reloop.taxonomy.snapshot import get_taxonomy

router = APIRouter(tags=["search"])


@router.get(
    "/search/items",
    response_model=SearchPage,
    summary="Search listings: free text, filters, facets and four sorts",
    responses=error_responses(UnknownFilterValue, InvalidCursor, RateLimited),
)
async def search_items(
    request: Request,
    response: Response,
    params: Annotated[SearchParams, Query()],
    principal: OptionalMember,
    session: SessionDep,
    cache: CacheDep,
    settings: SettingsDep,
    storage: StorageDep,
    redis: RedisDep,
) -> Response:
    """Text is matched with `websearch_to_tsquery` (quotes, `or`, `-word`); a query that
    finds nothing is retried with its typos corrected (`corrected_query`)."""
    limiter: RateLimiter = request.app.state.rate_limiter
    viewer = principal.user.id if principal else None
    searches = RateLimit("search", limit=settings.search_rate_limit_per_minute, window_s=60)
    await limiter.enforce(searches, str(viewer) if viewer else _client(request), response)
    page = await service.search(session, cache, storage, settings, viewer, params)
    if params.cursor is None:
        query = params.query()
        if query.q.strip() and page.items:
            await suggest.count_search(redis, page.corrected_query or query.q)
        if viewer is not None and query != SearchQuery():
            await recent.remember(redis, viewer, query)
    reply = json_response(page.json())
    reply.raw_headers.extend(response.raw_headers)  # the rate limit's, set on `response`
    return reply


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get(
    "/search/suggest",
    response_model=Suggestions,
    summary="As-you-type suggestions: brands, categories and popular searches",
)
async def search_suggest(
    session: SessionDep,
    redis: RedisDep,
    q: Annotated[str, Query(max_length=100)] = "",
) -> Suggestions:
    return await suggest.suggestions(session, redis, q)


@router.get(
    "/me/saved-searches",
    response_model=SavedSearchList,
    summary="Your saved searches, newest first",
    responses=error_responses(NotAuthenticated),
)
async def list_saved_searches(principal: CurrentMember, session: SessionDep) -> SavedSearchList:
    return SavedSearchList(items=await saved.list_saved(session, principal.user.id))


@router.post(
    "/me/saved-searches",
    status_code=status.HTTP_201_CREATED,
    response_model=SavedSearch,
    summary="Save a search; new matching listings notify you",
    responses=error_responses(NotAuthenticated, UnknownFilterValue, SavedSearchLimit),
)
async def create_saved_search(
    body: SavedSearchCreate, principal: CurrentMember, session: SessionDep
) -> SavedSearch:
    return await saved.save_search(session, principal.user.id, body)


@router.delete(
    "/me/saved-searches/{saved_search_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Delete a saved search",
    responses=error_responses(NotAuthenticated, SavedSearchNotFound),
)
async def delete_saved_search(
    saved_search_id: uuid.UUID, principal: CurrentMember, session: SessionDep
) -> None:
    await saved.delete_saved(session, principal.user.id, saved_search_id)


@router.get(
    "/me/recent-searches",
    response_model=RecentSearchList,
    summary="Your last searches, most recent first",
    responses=error_responses(NotAuthenticated),
)
async def list_recent_searches(
    principal: CurrentMember, session: SessionDep, redis: RedisDep
) -> RecentSearchList:
    taxonomy = await get_taxonomy(session)
    return RecentSearchList(items=await recent.recent(redis, principal.user.id, taxonomy))


@router.delete(
    "/me/recent-searches",
    status_code=status.HTTP_204_NO_CONTENT,
    summary="Forget your recent searches",
    responses=error_responses(NotAuthenticated),
)
async def clear_recent_searches(principal: CurrentMember, redis: RedisDep) -> None:
    await recent.clear(redis, principal.user.id)
