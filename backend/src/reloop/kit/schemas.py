"""Base API schemas shared by every domain."""

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from reloop.kit.cursor import CursorCodec, CursorValue

T = TypeVar("T")
R = TypeVar("R")

DEFAULT_PAGE_SIZE = 24
MAX_PAGE_SIZE = 100
MAX_CURSOR_LENGTH = 512


def _in_utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


UtcDatetime = Annotated[datetime, AfterValidator(_in_utc)]
"""A `timestamptz` rendered as ISO-8601 UTC with a `Z`, as DESIGN.md §5.2 asks.

Pydantic renders a datetime in UTC with the `Z` itself, so values are brought to UTC when
validated, and the database's come in UTC already: models built from our own rows
(`model_construct`) hold them as read. A serializer of our own did the same on the way
out, but as a Python call per value: half the time to serialise a page of 24 cards.
"""

PageLimit = Annotated[int, Field(ge=1, le=MAX_PAGE_SIZE)]


def _has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple | set):
        return any(_has_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    return False


class Schema(BaseModel):
    """Base for request and response bodies: strict about unknown fields and NUL bytes.

    PostgreSQL cannot store NUL in text, and no member types one: refusing it at the edge
    turns what would be a database error into a clear 422.
    """

    model_config = ConfigDict(extra="forbid", from_attributes=True, str_strip_whitespace=False)

    @model_validator(mode="before")
    @classmethod
    def _refuse_nul_bytes(cls, data: Any) -> Any:
        if isinstance(data, dict):
            for field, value in data.items():
                if _has_nul(value):
                    raise PydanticCustomError(
                        "nul_byte", "{field} must not contain NUL bytes", {"field": field}
                    )
        return data


class Page(BaseModel, Generic[T]):
    items: list[T]
    next_cursor: str | None = None


def keyset_page(
    rows: Sequence[R],
    *,
    limit: int,
    codec: CursorCodec,
    key: Callable[[R], Sequence[CursorValue]],
    item: Callable[[R], T],
) -> Page[T]:
    """A page from `limit + 1` fetched rows: the extra row only says whether more exist."""
    has_more = len(rows) > limit
    visible = rows[:limit]
    next_cursor = codec.encode(key(visible[-1])) if has_more and visible else None
    return Page[T](items=[item(row) for row in visible], next_cursor=next_cursor)
