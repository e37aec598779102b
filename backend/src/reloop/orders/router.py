"""Orders: lists and details for buyer and seller, the moves they make, paying again."""

import uuid
from datetime import UTC, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from fastapi.responses import JSONResponse

from reloop.access.deps import CurrentMember, VerifiedMemberId
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.cursor import CursorCodec, decode_time_keyset
from reloop.kit.deps import CacheDep, DatabaseDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import InvalidCursor, error_responses
from reloop.kit.idempotency import IDEMPOTENCY_ERRORS, Claim, IdempotencyKeyDep, run_idempotent
from reloop.kit.schemas import MAX_PAGE_SIZE, keyset_page
from reloop.models.order import OrderActor, OrderStatus
from reloop.models.user import User
from reloop.orders import pay as paying
from reloop.orders import service
from reloop.orders.errors import (
    OrderNotFound,
    PaymentInProgress,
    PaymentWindowClosed,
    TransitionNotAllowed,
)
from reloop.orders.repository import OrderRepository, OrderRow
from reloop.orders.schemas import (
    CancelRequest,
    DisputeRequest,
    OrderDetail,
    OrderPage,
    OrderSummary,
    PayRequest,
    ShipRequest,
)
from reloop.orders.state import Action
from reloop.orders.views import lines_out, person_card, summary_out
from reloop.payments.errors import InsufficientFunds, InvalidPaymentMethod, PaymentDeclined

router = APIRouter(tags=["orders"])
OrderId = Annotated[uuid.UUID, Path()]
_MOVE_ERRORS = (NotAuthenticated, OrderNotFound, TransitionNotAllowed)


def _codec(settings: Settings, viewer: uuid.UUID, role: str) -> CursorCodec:
    return CursorCodec(settings.secret_key.get_secret_value(), f"orders:{viewer}:{role}")


@router.get(
    "/orders",
    response_model=OrderPage,
    summary="Your orders as buyer or seller, newest first",
    responses=error_responses(NotAuthenticated, InvalidCursor),
)
async def list_orders(
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    role: Literal["buyer", "seller"] = "buyer",
    status: OrderStatus | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 24,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
) -> OrderPage:
    viewer = principal.user.id
    codec = _codec(settings, viewer, role)
    repo = OrderRepository(session)
    rows = await repo.page(viewer, role, status, limit, decode_time_keyset(codec, cursor))
    lines = await repo.lines([row.order.id for row in rows[:limit]])
    side = OrderActor.buyer if role == "buyer" else OrderActor.seller

    def item(row: OrderRow) -> OrderSummary:
        return summary_out(
            row.order,
            side,
            person_card(row.counterpart, storage),
            lines_out(row.order, lines.get(row.order.id, []), storage),
        )

    page = keyset_page(
        rows, limit=limit, codec=codec, key=lambda r: (r.order.created_at, r.order.id), item=item
    )
    return OrderPage(items=page.items, next_cursor=page.next_cursor)


@router.get(
    "/orders/{order_id}",
    response_model=OrderDetail,
    summary="One order, for its buyer or seller",
    responses=error_responses(NotAuthenticated, OrderNotFound),
)
async def get_order(
    order_id: OrderId,
    principal: CurrentMember,
    session: SessionDep,
    database: DatabaseDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> OrderDetail:
    return await service.get_order(
        session,
        database,
        settings,
        storage,
        principal.user,
        order_id,
        datetime.now(UTC),
        cache=cache,
    )


async def _move(
    session: SessionDep,
    settings: Settings,
    storage: StorageDep,
    cache: Cache,
    viewer: User,
    order_id: uuid.UUID,
    action: Action,
    **fields: str | None,
) -> OrderDetail:
    now = datetime.now(UTC)
    order = await service.act(
        session, settings, viewer, order_id, action, now, cache=cache, **fields
    )
    return await service.order_detail(session, settings, storage, viewer.id, order, now)


@router.post(
    "/orders/{order_id}/cancel",
    response_model=OrderDetail,
    summary="Cancel: the buyer before paying, the seller instead of shipping (refunded)",
    responses=error_responses(*_MOVE_ERRORS, PaymentInProgress),
)
async def cancel_order(
    order_id: OrderId,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
    body: CancelRequest | None = None,
) -> OrderDetail:
    reason = body.reason if body else None
    return await _move(
        session, settings, storage, cache, principal.user, order_id, Action.cancel, reason=reason
    )


@router.post(
    "/orders/{order_id}/ship",
    response_model=OrderDetail,
    summary="The seller sent it: carrier and tracking number",
    responses=error_responses(*_MOVE_ERRORS),
)
async def ship_order(
    order_id: OrderId,
    body: ShipRequest,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> OrderDetail:
    return await _move(
        session,
        settings,
        storage,
        cache,
        principal.user,
        order_id,
        Action.ship,
        carrier=body.carrier,
        tracking_number=body.tracking_number,
    )


@router.post(
    "/orders/{order_id}/deliver",
    response_model=OrderDetail,
    summary="The buyer received it",
    responses=error_responses(*_MOVE_ERRORS),
)
async def deliver_order(
    order_id: OrderId,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> OrderDetail:
    return await _move(session, settings, storage, cache, principal.user, order_id, Action.deliver)


@router.post(
    "/orders/{order_id}/complete",
    response_model=OrderDetail,
    summary="The buyer is happy: the seller's money becomes available",
    responses=error_responses(*_MOVE_ERRORS),
)
async def complete_order(
    order_id: OrderId,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> OrderDetail:
    return await _move(session, settings, storage, cache, principal.user, order_id, Action.complete)


@router.post(
    "/orders/{order_id}/dispute",
    response_model=OrderDetail,
    summary="The buyer reports a problem (while shipped, or soon after delivery)",
    responses=error_responses(*_MOVE_ERRORS),
)
async def dispute_order(
    order_id: OrderId,
    body: DisputeRequest,
    principal: CurrentMember,
    session: SessionDep,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> OrderDetail:
    return await _move(
        session,
        settings,
        storage,
        cache,
        principal.user,
        order_id,
        Action.dispute,
        reason=body.reason,
    )


@router.post(
    "/orders/{order_id}/pay",
    response_model=OrderDetail,
    summary="Pay again after a decline, while the stock is still held",
    responses=error_responses(
        *IDEMPOTENCY_ERRORS,
        NotAuthenticated,
        EmailNotVerified,
        OrderNotFound,
        TransitionNotAllowed,
        PaymentWindowClosed,
        PaymentInProgress,
        InvalidPaymentMethod,
        PaymentDeclined,
        InsufficientFunds,
    ),
)
async def pay_order(
    request: Request,
    order_id: OrderId,
    body: PayRequest,
    key: IdempotencyKeyDep,
    buyer_id: VerifiedMemberId,
    settings: SettingsDep,
    storage: StorageDep,
    cache: CacheDep,
) -> Response:
    database = request.app.state.db

    async def handle(_claim: Claim) -> Response:
        detail = await paying.pay(
            database, settings, storage, buyer_id, order_id, body.payment_method, cache=cache
        )
        return JSONResponse(detail.model_dump(mode="json"))

    return await run_idempotent(request, buyer_id, key, handle, ttl_s=settings.idempotency_ttl_s)
