"""The notification bell: list, unread count, read marks, settings and the live stream."""

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated, Any

import orjson
from fastapi import APIRouter, Header, Query, Request
from sse_starlette import EventSourceResponse

from reloop.access.deps import CurrentMember
from reloop.access.errors import NotAuthenticated
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.db import Database
from reloop.kit.deps import SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.redis import RedisUnavailable
from reloop.kit.schemas import MAX_PAGE_SIZE, keyset_page
from reloop.kit.storage import Storage
from reloop.notifications import preferences
from reloop.notifications.live import LiveHub
from reloop.notifications.repository import NotificationRepository
from reloop.notifications.schemas import (
    MarkRead,
    NotificationPage,
    NotificationSettings,
    NotificationSettingsUpdate,
    UnreadCount,
)
from reloop.notifications.service import changes_since, event_id_of, render

router = APIRouter(tags=["notifications"])
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]
Cursor = Annotated[str | None, Query(max_length=512)]
# The browser waits this long before reconnecting after the stream ends.
RECONNECT_MS = 3000


@router.get(
    "/notifications",
    response_model=NotificationPage,
    summary="Your notifications, most recently updated first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def list_notifications(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    limit: Limit = 24,
    cursor: Cursor = None,
) -> NotificationPage:
    codec = CursorCodec(settings.secret_key.get_secret_value(), f"notes:{principal.user.id}")
    rows = await NotificationRepository(session).page(
        principal.user.id, limit, decode_time_keyset(codec, cursor)
    )
    page = keyset_page(
        rows,
        limit=limit,
        codec=codec,
        key=lambda r: (r.notification.updated_at, r.notification.id),
        item=lambda r: r,
    )
    return NotificationPage(
        items=await render(session, storage, page.items), next_cursor=page.next_cursor
    )


@router.get(
    "/notifications/unread-count",
    response_model=UnreadCount,
    summary="How many notifications you have not read (the polling fallback of the stream)",
    responses=error_responses(NotAuthenticated),
)
async def unread_count(principal: CurrentMember, session: SessionDep) -> UnreadCount:
    return UnreadCount(count=await NotificationRepository(session).unread_count(principal.user.id))


@router.post(
    "/notifications/read",
    response_model=UnreadCount,
    summary="Mark some (`ids`) or all (`all: true`) notifications read; returns the unread count",
    responses=error_responses(NotAuthenticated),
)
async def mark_read(body: MarkRead, principal: CurrentMember, session: SessionDep) -> UnreadCount:
    repository = NotificationRepository(session)
    await repository.mark_read(principal.user.id, None if body.all else body.ids)
    return UnreadCount(count=await repository.unread_count(principal.user.id))


@router.get(
    "/me/notification-settings",
    response_model=NotificationSettings,
    summary="Your channel for each kind of notification",
    responses=error_responses(NotAuthenticated),
)
async def get_settings(principal: CurrentMember, session: SessionDep) -> NotificationSettings:
    channels = await preferences.channels_of(session, principal.user.id)
    return preferences.settings_view(channels)


@router.put(
    "/me/notification-settings",
    response_model=NotificationSettings,
    summary="Change the channel of some kinds: `in_app`, `email` (in-app too) or `off`",
    responses=error_responses(NotAuthenticated),
)
async def put_settings(
    body: NotificationSettingsUpdate, principal: CurrentMember, session: SessionDep
) -> NotificationSettings:
    return await preferences.update_channels(session, principal.user.id, body.settings)


def _since(last_event_id: str | None) -> datetime | None:
    if not last_event_id or not last_event_id.isdigit() or len(last_event_id) > 20:
        return None
    try:
        return datetime.fromtimestamp(int(last_event_id) / 1_000_000, UTC)
    except (OverflowError, OSError, ValueError):
        return None


async def _snapshot(
    db: Database, storage: Storage, user_id: uuid.UUID, since: datetime | None
) -> tuple[dict[str, Any], datetime | None]:
    async with db.transaction() as session:
        count, fresh = await changes_since(session, storage, user_id, since)
    newest = max((n.updated_at for n in fresh), default=since)
    data = {"unread": count, "notifications": [n.model_dump(mode="json") for n in fresh]}
    event: dict[str, Any] = {"event": "notifications", "data": orjson.dumps(data).decode()}
    if newest is not None:
        event["id"] = event_id_of(newest)
    return event, newest


async def _events(
    request: Request, user_id: uuid.UUID, since: datetime | None
) -> AsyncIterator[dict[str, Any]]:
    state = request.app.state
    hub: LiveHub = state.live_hub
    event, since = await _snapshot(state.db, state.storage, user_id, since)
    yield {**event, "retry": RECONNECT_MS}
    try:
        queue = await hub.subscribe(user_id)
    except RedisUnavailable:
        # No live channel now: end the stream; the client polls and reconnects later.
        return
    try:
        while True:
            alive = await queue.get()
            if not alive:
                return
            while not queue.empty():  # Coalesce a burst into one snapshot.
                if not queue.get_nowait():
                    return
            event, since = await _snapshot(state.db, state.storage, user_id, since)
            yield event
    finally:
        await hub.unsubscribe(user_id, queue)


@router.get(
    "/notifications/stream",
    summary="Server-sent events: the unread count and new notifications as they happen",
    response_class=EventSourceResponse,
    responses={
        **error_responses(NotAuthenticated),
        200: {"content": {"text/event-stream": {}}, "description": "An event stream."},
    },
)
async def stream(
    request: Request,
    principal: CurrentMember,
    last_event_id: Annotated[str | None, Header(max_length=40)] = None,
) -> EventSourceResponse:
    """Each event is `notifications` with `{unread, notifications}`; its id resumes it.

    Reconnecting with `Last-Event-ID` replays what changed since. Pings keep proxies from
    closing an idle stream. With Redis down the stream ends after the first event and the
    client falls back to polling `/notifications/unread-count`.
    """
    return EventSourceResponse(
        _events(request, principal.user.id, _since(last_event_id)), ping=15, send_timeout=10
    )
