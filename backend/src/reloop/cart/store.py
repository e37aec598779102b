"""The Redis cart: hash `cart:{user_id}`, one field per listing.

Keyed by member, not by device or session, so it survives signing out and follows the
member to another device. Each value is `{quantity, unit_price_amount, currency,
added_at}`. Redis being down makes the cart unavailable (503), never an error page, and
checkout does not need it: its request carries the lines.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from reloop.cart.errors import CartUnavailable
from reloop.kit.redis import GuardedRedis, RedisUnavailable

CART_TTL_S = 90 * 24 * 3600
MAX_LINES = 50


def cart_key(user_id: uuid.UUID) -> str:
    return f"cart:{user_id}"


@dataclass(frozen=True, slots=True)
class StoredLine:
    item_id: uuid.UUID
    quantity: int
    unit_price_amount: int
    currency: str
    added_at: datetime

    def encode(self) -> bytes:
        return orjson.dumps(
            {
                "quantity": self.quantity,
                "unit_price_amount": self.unit_price_amount,
                "currency": self.currency,
                "added_at": self.added_at.isoformat(),
            }
        )


def _decode(field: bytes, value: bytes) -> StoredLine | None:
    try:
        data: dict[str, Any] = orjson.loads(value)
        return StoredLine(
            item_id=uuid.UUID(field.decode()),
            quantity=int(data["quantity"]),
            unit_price_amount=int(data["unit_price_amount"]),
            currency=str(data["currency"]),
            added_at=datetime.fromisoformat(data["added_at"]),
        )
    except (ValueError, KeyError, TypeError):
        return None  # a field we cannot read is skipped, not an error page


class CartStore:
    def __init__(self, redis: GuardedRedis) -> None:
        self.redis = redis

    async def lines(self, user_id: uuid.UUID) -> list[StoredLine]:
        """The member's lines, oldest first."""
        try:
            raw: dict[Any, Any] = await self.redis.run(lambda c: c.hgetall(cart_key(user_id)))
        except RedisUnavailable as exc:
            raise CartUnavailable() from exc
        found = [line for f, v in raw.items() if (line := _decode(f, v)) is not None]
        return sorted(found, key=lambda line: (line.added_at, line.item_id))

    async def existing(
        self, user_id: uuid.UUID, item_id: uuid.UUID
    ) -> tuple[int, StoredLine | None]:
        """How many lines the cart has, and the line of `item_id` if any (one round trip)."""
        key = cart_key(user_id)

        async def read(client: Any) -> list[Any]:
            async with client.pipeline(transaction=False) as pipe:
                pipe.hlen(key)
                pipe.hget(key, str(item_id))
                result: list[Any] = await pipe.execute()
                return result

        try:
            count, value = await self.redis.run(read)
        except RedisUnavailable as exc:
            raise CartUnavailable() from exc
        line = _decode(str(item_id).encode(), value) if value is not None else None
        return int(count), line

    async def put(self, user_id: uuid.UUID, line: StoredLine) -> None:
        key = cart_key(user_id)

        async def write(client: Any) -> None:
            async with client.pipeline(transaction=True) as pipe:
                pipe.hset(key, str(line.item_id), line.encode())
                pipe.expire(key, CART_TTL_S)
                await pipe.execute()

        try:
            await self.redis.run(write)
        except RedisUnavailable as exc:
            raise CartUnavailable() from exc

    async def remove(self, user_id: uuid.UUID, item_ids: list[uuid.UUID]) -> None:
        """Drop lines; raises `CartUnavailable` when Redis is down."""
        if not item_ids:
            return
        fields = [str(item_id) for item_id in item_ids]
        try:
            await self.redis.run(lambda c: c.hdel(cart_key(user_id), *fields))
        except RedisUnavailable as exc:
            raise CartUnavailable() from exc
