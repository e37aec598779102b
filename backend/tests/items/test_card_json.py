"""Cards written straight to JSON are byte for byte what their schemas render."""

import uuid
from datetime import UTC, datetime
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from reloop.items.cards import CardPage, Reason, item_cards
from reloop.items.schemas import ItemPage
from reloop.items.viewer import CardItem, CardRow, CardSeller
from reloop.kit.money import CURRENCY_EXPONENTS, MAX_AMOUNT
from reloop.kit.storage import LocalStorage
from reloop.media.repository import Cover
from reloop.models.item import ItemStatus
from reloop.models.media import ImageStatus
from reloop.taxonomy.snapshot import BrandInfo, NamedInfo, SizeInfo, Taxonomy

BRAND = BrandInfo(id=uuid.uuid4(), slug="levis", name="Levi's", aliases=())
SIZE = SizeInfo(id=uuid.uuid4(), group_id=uuid.uuid4(), key="m", label="M", position=1)
TAXONOMY = Taxonomy(
    brands={BRAND.id: BRAND},
    sizes={SIZE.id: SIZE},
    conditions={
        "good": NamedInfo(key="good", name="Good", detail="Worn, no flaws", position=1),
        "new": NamedInfo(key="new", name="New with tags", detail="Never worn", position=0),
    },
)
STORAGE = LocalStorage(Path("/nonexistent"), "card-json-secret", base_url="http://test")

# What PostgreSQL can hold: any text but NUL (and lone surrogates, which are not UTF-8).
text = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=60)
moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
counts = st.integers(min_value=0, max_value=2**31 - 1)


@st.composite
def card_rows(draw: st.DrawFn) -> CardRow:
    item = CardItem(
        id=draw(st.uuids()),
        title=draw(text),
        price_amount=draw(st.integers(min_value=0, max_value=MAX_AMOUNT)),
        currency=draw(st.sampled_from(sorted(CURRENCY_EXPONENTS))),
        brand_id=draw(st.sampled_from([None, BRAND.id, uuid.uuid4()])),
        size_id=draw(st.sampled_from([None, SIZE.id])),
        condition=draw(st.sampled_from(sorted(TAXONOMY.conditions))),
        status=draw(st.sampled_from(ItemStatus)),
        quantity=draw(st.integers(min_value=1, max_value=5)),
        reserved=draw(st.integers(min_value=0, max_value=5)),
        sold_quantity=draw(st.integers(min_value=0, max_value=5)),
        reserved_until=draw(st.none() | moments),
        like_count=draw(counts),
        popularity=draw(st.floats(allow_nan=False, allow_infinity=False)),
        published_at=draw(st.none() | moments),
        created_at=draw(moments),
    )
    seller = CardSeller(id=draw(st.uuids()), username=draw(text), display_name=draw(text))
    return CardRow(item, seller, draw(st.booleans()), draw(st.booleans()))


@st.composite
def covers_of(draw: st.DrawFn, row: CardRow) -> Cover:
    status = draw(st.sampled_from(ImageStatus))
    size = st.integers(min_value=1, max_value=10_000)
    variants = {"thumb": {"width": draw(size), "height": draw(size)}}
    return Cover(
        id=draw(st.uuids()),
        item_id=row.item.id,
        status=status,
        failure_reason=draw(st.none() | text),
        width=draw(st.none() | size),
        height=draw(st.none() | size),
        dominant_color=draw(st.none() | st.just("#a1b2c3")),
        placeholder=draw(st.none() | text),
        variants_json=orjson.dumps(variants if status is ImageStatus.ready else {}).decode(),
    )


@st.composite
def pages(draw: st.DrawFn) -> tuple[list[CardRow], list[Cover], list[Reason] | None]:
    rows = draw(st.lists(card_rows(), max_size=5, unique_by=lambda row: row.item.id))
    covers = [draw(covers_of(row)) for row in rows if draw(st.booleans())]
    reason: st.SearchStrategy[Reason] = st.sampled_from(["following", "popular"])
    reasons = draw(st.none() | st.lists(reason, min_size=len(rows), max_size=len(rows)))
    return rows, covers, reasons


@given(pages(), st.none() | st.text(alphabet="abcXYZ-_019", min_size=1, max_size=40))
def test_a_page_of_cards_is_what_item_page_renders_from_the_same_json(
    page: tuple[list[CardRow], list[Cover], list[Reason] | None], next_cursor: str | None
) -> None:
    rows, covers, reasons = page
    written = CardPage(item_cards(rows, covers, TAXONOMY, STORAGE, reasons), next_cursor).json()

    assert ItemPage.model_validate_json(written).model_dump_json().encode() == written
