"""Listing cards, written straight to JSON: every grid, feed, search page and list.

A card page is the most requested body the API sends, and building it as Pydantic models
(`model_construct`, three models a card) and then serialising them cost 0.38 ms of a
24-card page; a dictionary per card in `ItemCard`'s shape, written by orjson, costs
0.09 ms. The cover inside is the one part with nested models: each image's JSON is
rendered once by its schema (`media.service.image_json`) and kept, and orjson copies it.

`ItemCard`, `ItemPage` and `SearchPage` stay the contract: they are what the OpenAPI
document declares, and tests check that what is written here is byte for byte what those
schemas validate and render (`tests/items/test_card_json.py` for pages of any cards,
`tests/search/test_search.py` for a results page).
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from fastapi import Response

from reloop.items.viewer import CardRow
from reloop.items.views import stock_on_hand
from reloop.kit.rendering import json_response, render_json
from reloop.kit.storage import Storage
from reloop.media.repository import Cover
from reloop.media.service import image_json
from reloop.taxonomy.snapshot import Taxonomy

CardJson = dict[str, Any]
"""One listing card: the fields of `ItemCard`, in its order, as orjson writes them."""

Reason = Literal["following", "popular"]


def item_cards(
    rows: Sequence[CardRow],
    covers: Sequence[Cover],
    taxonomy: Taxonomy,
    storage: Storage,
    reasons: Sequence[Reason] | None = None,
) -> list[CardJson]:
    """The cards of `rows` (with `reasons`, one per row, on feeds)."""
    cover_of = {image.item_id: image for image in covers}
    now = datetime.now(UTC)
    cards = []
    for index, (item, seller, liked, saved) in enumerate(rows):
        brand = taxonomy.brands.get(item.brand_id) if item.brand_id else None
        size = taxonomy.sizes.get(item.size_id) if item.size_id else None
        cover = cover_of.get(item.id)
        _, reserved_until = stock_on_hand(
            item.quantity, item.reserved, item.sold_quantity, item.reserved_until, now
        )
        cards.append(
            {
                "id": item.id,
                "title": item.title,
                "price": {"amount": item.price_amount, "currency": item.currency},
                "brand": brand.name if brand else None,
                "size": size.label if size else None,
                "condition": taxonomy.conditions[item.condition].name,
                "status": item.status,
                "cover": image_json(cover, storage) if cover else None,
                "seller": {
                    "id": seller.id,
                    "username": seller.username,
                    "display_name": seller.display_name,
                    "avatar": None,
                },
                "like_count": item.like_count,
                "liked": liked,
                "saved": saved,
                "published_at": item.published_at,
                "created_at": item.created_at,
                "reason": reasons[index] if reasons is not None else None,
                "reserved_until": reserved_until,
            }
        )
    return cards


@dataclass(frozen=True, slots=True)
class CardPage:
    """A page of cards and the cursor of the next one: an `ItemPage`."""

    items: list[CardJson]
    next_cursor: str | None

    def json(self) -> bytes:
        return render_json({"items": self.items, "next_cursor": self.next_cursor})

    def response(self) -> Response:
        return json_response(self.json())
