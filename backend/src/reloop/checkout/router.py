"""`POST /checkout`: idempotent, one order per seller, stock held, payment started."""

from fastapi import APIRouter, Request, Response, status

from reloop.access.deps import VerifiedMemberId
from reloop.access.errors import EmailNotVerified, NotAuthenticated
from reloop.cart.errors import CartOwnItem
from reloop.checkout.errors import CurrencyMismatch
from reloop.checkout.flow import run_checkout
from reloop.checkout.schemas import CheckoutIn, CheckoutResult
from reloop.inventory.errors import (
    CheckoutBusy,
    ItemUnavailable,
    PriceChanged,
    QuantityUnavailable,
)
from reloop.items.errors import ItemNotFound
from reloop.kit.deps import CacheDep, RedisDep, SettingsDep, StorageDep
from reloop.kit.errors import error_responses
from reloop.kit.idempotency import IDEMPOTENCY_ERRORS, Claim, IdempotencyKeyDep, run_idempotent
from reloop.payments.errors import InsufficientFunds, InvalidPaymentMethod, PaymentDeclined
from reloop.social.errors import MemberBlocked

router = APIRouter(tags=["checkout"])


@router.post(
    "/checkout",
    status_code=status.HTTP_201_CREATED,
    response_model=CheckoutResult,
    summary="Buy the lines: one order per seller, stock held, the card charged once",
    responses=error_responses(
        *IDEMPOTENCY_ERRORS,
        NotAuthenticated,
        EmailNotVerified,
        PaymentDeclined,
        InsufficientFunds,
        MemberBlocked,
        ItemNotFound,
        ItemUnavailable,
        PriceChanged,
        QuantityUnavailable,
        CartOwnItem,
        CheckoutBusy,
        CurrencyMismatch,
        InvalidPaymentMethod,
    ),
)
async def post_checkout(
    request: Request,
    buyer_id: VerifiedMemberId,
    key: IdempotencyKeyDep,
    body: CheckoutIn,
    settings: SettingsDep,
    redis: RedisDep,
    cache: CacheDep,
    storage: StorageDep,
) -> Response:
    database = request.app.state.db

    async def handle(claim: Claim) -> Response:
        return await run_checkout(database, redis, cache, settings, storage, buyer_id, body, claim)

    return await run_idempotent(request, buyer_id, key, handle, ttl_s=settings.idempotency_ttl_s)
