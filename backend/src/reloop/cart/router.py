"""The cart: read it, set a line, remove a line. Every answer is the whole cart."""

import uuid

from fastapi import APIRouter

from reloop.access.deps import CurrentMember
from reloop.access.errors import NotAuthenticated
from reloop.cart.errors import CartFull, CartOwnItem, CartUnavailable
from reloop.cart.schemas import Cart, CartLineIn
from reloop.cart.service import read_cart, set_line
from reloop.cart.store import CartStore
from reloop.inventory.errors import QuantityUnavailable
from reloop.items.errors import ItemNotFound
from reloop.kit.deps import RedisDep, SessionDep, SettingsDep, StorageDep
from reloop.kit.errors import error_responses
from reloop.social.errors import MemberBlocked

router = APIRouter(tags=["cart"])


@router.get(
    "/cart",
    response_model=Cart,
    summary="The cart, grouped by seller, each line checked against its listing",
    responses=error_responses(NotAuthenticated, CartUnavailable),
)
async def get_cart(
    principal: CurrentMember,
    session: SessionDep,
    redis: RedisDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Cart:
    return await read_cart(session, CartStore(redis), settings, storage, principal.user.id)


@router.put(
    "/cart/items/{item_id}",
    response_model=Cart,
    summary="Add a listing to the cart or set its quantity (at today's price)",
    responses=error_responses(
        NotAuthenticated,
        ItemNotFound,
        CartOwnItem,
        MemberBlocked,
        QuantityUnavailable,
        CartFull,
        CartUnavailable,
    ),
)
async def put_cart_item(
    item_id: uuid.UUID,
    body: CartLineIn,
    principal: CurrentMember,
    session: SessionDep,
    redis: RedisDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Cart:
    store = CartStore(redis)
    await set_line(session, store, principal.user.id, item_id, body.quantity)
    return await read_cart(session, store, settings, storage, principal.user.id)


@router.delete(
    "/cart/items/{item_id}",
    response_model=Cart,
    summary="Remove a listing from the cart (idempotent)",
    responses=error_responses(NotAuthenticated, CartUnavailable),
)
async def delete_cart_item(
    item_id: uuid.UUID,
    principal: CurrentMember,
    session: SessionDep,
    redis: RedisDep,
    settings: SettingsDep,
    storage: StorageDep,
) -> Cart:
    store = CartStore(redis)
    await store.remove(principal.user.id, [item_id])
    return await read_cart(session, store, settings, storage, principal.user.id)
