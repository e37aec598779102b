"""Opaque, signed keyset cursors.

A cursor carries the sort key of the last row of a page (e.g. `(published_at, id)`),
serialised as JSON, base64url-encoded and signed with an HMAC bound to the list it belongs
to. Clients cannot read meaning into it or forge one: any change, a cursor from another
list, or a value of the wrong type answers 400 `invalid_cursor`.
"""

import base64
import binascii
import hashlib
import hmac
import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import orjson

from reloop.kit.errors import InvalidCursor

CursorValue = datetime | uuid.UUID | int | str | None
_SIG_BYTES = 16
_MAX_TOKEN_LENGTH = 512

_ENCODERS: dict[type, str] = {datetime: "t", uuid.UUID: "u", int: "i", str: "s"}


def _encode_value(value: CursorValue) -> list[Any]:
    if value is None:
        return ["n", None]
    if isinstance(value, bool):
        raise TypeError("booleans are not cursor values")
    for kind_type, tag in _ENCODERS.items():
        if isinstance(value, kind_type):
            if isinstance(value, datetime):
                if value.tzinfo is None:
                    raise ValueError("cursor datetimes must be timezone-aware")
                return [tag, value.isoformat()]
            return [tag, str(value) if isinstance(value, uuid.UUID) else value]
    raise TypeError(f"unsupported cursor value {type(value).__name__}")


def _decode_value(item: Any) -> CursorValue:
    if not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str):
        raise InvalidCursor()
    tag, raw = item
    try:
        if tag == "n" and raw is None:
            return None
        if tag == "t" and isinstance(raw, str):
            parsed = datetime.fromisoformat(raw)
            if parsed.tzinfo is None:
                raise InvalidCursor()
            return parsed
        if tag == "u" and isinstance(raw, str):
            return uuid.UUID(raw)
        if tag == "i" and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if tag == "s" and isinstance(raw, str):
            return raw
    except ValueError as exc:
        raise InvalidCursor() from exc
    raise InvalidCursor()


class CursorCodec:
    """Encodes and verifies cursors for one list (`scope`), keyed by the app secret."""

    def __init__(self, secret: str, scope: str) -> None:
        self._key = hashlib.sha256(f"reloop-cursor:{scope}:{secret}".encode()).digest()

    def _sign(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()[:_SIG_BYTES]

    def encode(self, values: Sequence[CursorValue]) -> str:
        payload = orjson.dumps([_encode_value(v) for v in values])
        token = self._sign(payload) + payload
        return base64.urlsafe_b64encode(token).rstrip(b"=").decode("ascii")

    def decode(self, token: str, arity: int) -> tuple[CursorValue, ...]:
        """The key values in `token`; `InvalidCursor` for anything not signed by us."""
        if not token or len(token) > _MAX_TOKEN_LENGTH:
            raise InvalidCursor()
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except (binascii.Error, ValueError) as exc:
            raise InvalidCursor() from exc
        signature, payload = raw[:_SIG_BYTES], raw[_SIG_BYTES:]
        if len(signature) != _SIG_BYTES or not hmac.compare_digest(signature, self._sign(payload)):
            raise InvalidCursor()
        try:
            items = orjson.loads(payload)
        except orjson.JSONDecodeError as exc:
            raise InvalidCursor() from exc
        if not isinstance(items, list) or len(items) != arity:
            raise InvalidCursor()
        return tuple(_decode_value(item) for item in items)


def decode_time_keyset(codec: CursorCodec, cursor: str | None) -> tuple[datetime, uuid.UUID] | None:
    """The `(moment, id)` a time-ordered list continues after; `None` for the first page."""
    if cursor is None:
        return None
    moment, row_id = codec.decode(cursor, 2)
    if not isinstance(moment, datetime) or not isinstance(row_id, uuid.UUID):
        raise InvalidCursor()
    return moment, row_id
