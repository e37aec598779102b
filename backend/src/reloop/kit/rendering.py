"""JSON bodies written by orjson exactly as the schemas render them.

For bodies built as plain data rather than Pydantic models (list cards, `items.cards`);
parts that are models go in as `orjson.Fragment(model.model_dump_json())`.
"""

import uuid
from typing import Any

import orjson
from fastapi import Response


def _other(value: object) -> str:
    # asyncpg's UUIDs are a subclass, which orjson only writes through this hook.
    if isinstance(value, uuid.UUID):
        return str(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def render_json(value: Any) -> bytes:
    """JSON as the schemas render it: UTC datetimes end in `Z`."""
    return orjson.dumps(value, default=_other, option=orjson.OPT_UTC_Z)


def json_response(body: bytes) -> Response:
    return Response(body, media_type="application/json")
