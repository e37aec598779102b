"""Review requests and pages (the review itself is `reloop.orders.schemas.ReviewOut`)."""

from typing import Annotated

from pydantic import Field, StringConstraints

from reloop.kit.schemas import Schema
from reloop.orders.schemas import ReviewOut


class ReviewCreate(Schema):
    rating: int = Field(ge=1, le=5)
    text: Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] = ""


class ReplyCreate(Schema):
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]


class ReviewPage(Schema):
    items: list[ReviewOut]
    next_cursor: str | None = None
