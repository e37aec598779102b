"""The whole checkout request, after its idempotency key is claimed.

tokenize the card → admission (at most half the pool at once) and the Redis locks, both
shedding load → the unit of work, committed → capture, in its own transaction, which also
stores the answer on the idempotency key → the cart's lines dropped, best effort. The
answer comes from what was written and the capture's outcome (no second read). The jobs
of the two transactions are held and sent once, after the capture.
"""

import asyncio
import uuid
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi.responses import JSONResponse
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.cart.errors import CartUnavailable
from reloop.cart.store import CartStore
from reloop.checkout.schemas import CheckoutIn, CheckoutResult, CheckoutTotals
from reloop.checkout.service import Placed, bought_items, place_with_retries
from reloop.config import Settings
from reloop.inventory.errors import CheckoutBusy
from reloop.inventory.locks import ItemLocks
from reloop.items.viewer import CardSeller
from reloop.items.views import seller_card
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.idempotency import Claim
from reloop.kit.jobs import jobs_held
from reloop.kit.money import Money
from reloop.kit.redis import GuardedRedis
from reloop.kit.storage import Storage
from reloop.media.service import image_out
from reloop.models.order import OrderStatus
from reloop.models.payment import PaymentStatus
from reloop.orders.capture import PaymentOutcome, capture_counted
from reloop.orders.schemas import OrderLine, OrderSummary, PaymentFailure, PaymentOut
from reloop.payments.errors import declined_error
from reloop.payments.providers import provider_for

logger = structlog.get_logger(__name__)

# Units of work waiting on an item's row lock each hold a pooled connection; a burst on one
# listing could take the whole pool and starve sign-ins and every other request. At most
# half the pool runs checkout's unit of work at once per process; the rest wait here,
# holding nothing, for up to `ADMISSION_WAIT_S` before answering `checkout_busy`.
ADMISSION_WAIT_S = 20.0
_admission: "weakref.WeakKeyDictionary[Database, asyncio.Semaphore]" = weakref.WeakKeyDictionary()


@asynccontextmanager
async def admitted(database: Database, settings: Settings) -> AsyncIterator[None]:
    gate = _admission.get(database)
    if gate is None:
        gate = _admission[database] = asyncio.Semaphore(max(1, settings.db_pool_size // 2))
    try:
        async with asyncio.timeout(ADMISSION_WAIT_S):
            await gate.acquire()
    except TimeoutError as exc:
        raise CheckoutBusy() from exc
    try:
        yield
    finally:
        gate.release()


def _z(placed: Placed) -> str:
    return placed.checkout.reserved_until.isoformat().replace("+00:00", "Z")


def result_of(placed: Placed, outcome: PaymentOutcome, storage: Storage) -> CheckoutResult:
    """The answer, from what the unit of work wrote and what the capture recorded."""
    currency = placed.checkout.currency
    paid = outcome.status == PaymentStatus.succeeded
    status = OrderStatus.paid if paid else OrderStatus.pending_payment
    orders = []
    for order in placed.orders:
        first = placed.listings[placed.items[order.id][0].item_id]
        avatar = image_out(first.avatar, storage) if first.avatar else None
        seller = CardSeller(first.seller_id, first.seller_username, first.seller_display_name)
        orders.append(
            OrderSummary(
                id=order.id,
                status=status,
                role="buyer",
                counterpart=seller_card(seller, avatar),
                items=[
                    OrderLine(
                        item_id=line.item_id,
                        title=line.title,
                        quantity=line.quantity,
                        unit_price=Money(amount=line.unit_price_amount, currency=currency),
                        cover=image_out(cover, storage)
                        if (cover := placed.listings[line.item_id].cover)
                        else None,
                    )
                    for line in placed.items[order.id]
                ],
                total=Money(amount=order.total_amount, currency=currency),
                created_at=order.created_at,
                reserved_until=order.reserved_until
                if status == OrderStatus.pending_payment
                else None,
            )
        )
    failure = (
        PaymentFailure(code=outcome.failure_code, message=outcome.failure_message or "")
        if outcome.failure_code
        else None
    )
    checkout, payment = placed.checkout, placed.payment
    return CheckoutResult(
        id=checkout.id,
        orders=orders,
        payment=PaymentOut(
            id=payment.id,
            status=outcome.status,
            amount=Money(amount=payment.amount, currency=payment.currency),
            failure=failure,
        ),
        reserved_until=checkout.reserved_until,
        totals=CheckoutTotals(
            items=Money(amount=checkout.items_total, currency=currency),
            shipping=Money(amount=checkout.shipping_total, currency=currency),
            fees=Money(amount=checkout.fee_total, currency=currency),
            total=Money(amount=checkout.total, currency=currency),
        ),
    )


async def _forget_lines(redis: GuardedRedis, buyer_id: uuid.UUID, items: list[uuid.UUID]) -> None:
    try:
        await CartStore(redis).remove(buyer_id, items)
    except CartUnavailable:
        logger.info("checkout.cart_not_cleared", buyer_id=str(buyer_id))


async def run_checkout(
    database: Database,
    redis: GuardedRedis,
    cache: Cache,
    settings: Settings,
    storage: Storage,
    buyer_id: uuid.UUID,
    body: CheckoutIn,
    claim: Claim,
) -> JSONResponse:
    """201 with the result (paid, or `processing` while the provider is unsure), or 402.

    The 201 is stored on the idempotency key in the transaction that records the capture.
    """
    provider = provider_for(settings, database)
    method_ref = await provider.tokenize(body.payment_method)
    # One dispatcher job for the events of both transactions (placed, then paid).
    async with jobs_held():
        async with (
            admitted(database, settings),
            ItemLocks(redis).holding([line.item_id for line in body.lines]),
        ):
            placed = await place_with_retries(
                database, settings, buyer_id, body, method_ref, cache=cache
            )
        answer: JSONResponse | None = None

        async def store_answer(session: AsyncSession, outcome: PaymentOutcome) -> None:
            nonlocal answer
            if outcome.status == PaymentStatus.failed:
                return  # a 402: `run_idempotent` stores the error it renders
            result = result_of(placed, outcome, storage)
            answer = JSONResponse(result.model_dump(mode="json"), status_code=201)
            await claim.store(session, answer)

        try:
            outcome = await capture_counted(
                database,
                placed.payment,
                cache=cache,
                settings=settings,
                provider=provider,
                then=store_answer,
            )
        except Exception:
            # The orders and the pending payment are committed: beat's payment sweep
            # captures it. Answering 201 (pending) keeps a retry of this request from
            # checking out twice.
            logger.exception("checkout.capture_failed", payment_id=str(placed.payment.id))
            outcome, answer = PaymentOutcome(PaymentStatus.pending), None
    # The lines are orders now (paid or held for a retry of the payment).
    await _forget_lines(redis, buyer_id, list(bought_items(placed)))
    if outcome.status == PaymentStatus.failed:
        error = declined_error(outcome.failure_code)
        raise error(
            outcome.failure_message,
            details={
                "reason": outcome.failure_code,
                "checkout_id": str(placed.checkout.id),
                "order_ids": [str(order.id) for order in placed.orders],
                "reserved_until": _z(placed),
            },
        )
    if answer is None:
        answer = JSONResponse(
            result_of(placed, outcome, storage).model_dump(mode="json"), status_code=201
        )
    return answer
