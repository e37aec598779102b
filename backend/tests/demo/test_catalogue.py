"""The demo catalogue and plan only use real taxonomy keys, and read like real listings."""

import re
from collections import Counter

from reloop.auth.policy import check_username
from reloop.demo.catalogue import LINES
from reloop.demo.catalogue.wording import CLOSINGS, CONDITION_WEIGHTS, CONDITION_WORDS
from reloop.demo.listings import MAX_AGE, plan
from reloop.demo.members import MEMBERS
from reloop.demo.photos.render import SUBJECTS
from reloop.items.validation import MAX_PRICE_MINOR, MIN_PRICE_MINOR, Draft, Problems, check_fields
from reloop.kit.db import Database
from reloop.kit.money import Money
from reloop.models.user import Role
from reloop.taxonomy.loader import load
from reloop.taxonomy.snapshot import get_taxonomy


def _leaves() -> dict[str, str | None]:
    leaves: dict[str, str | None] = {}
    pending = list(load("categories")["categories"])
    while pending:
        node = pending.pop()
        if "children" in node:
            pending.extend(node["children"])
        else:
            leaves[node["slug"]] = node.get("size_group")
    return leaves


def test_lines_use_real_categories_brands_colours_and_sizes_of_their_group() -> None:
    leaves = _leaves()
    brands = {b["slug"] for b in load("brands")["brands"]}
    colours = {c["key"] for c in load("colors")["colors"]}
    sizes = {g["key"]: {s["key"] for s in g["sizes"]} for g in load("sizes")["size_groups"]}
    for line in LINES:
        assert line.category in leaves, line.category
        assert line.subject in SUBJECTS, line.subject
        assert set(line.colours) <= colours, line.colours
        assert line.notes, line.category
        group = leaves[line.category]
        if line.sizes:
            assert group is not None, f"{line.category} has no sizes"
            assert set(line.sizes) <= sizes[group], (line.category, line.sizes)
        for product in line.products:
            assert product.brand is None or product.brand in brands, product.brand
            assert set(product.colours) <= colours, product.title
            # Books name their publisher as the brand without it in the title.
            assert "{brand}" not in product.title or product.brand is not None, product.title


def test_every_kind_has_words_for_each_condition_it_can_be_in() -> None:
    conditions = {c["key"] for c in load("conditions")["conditions"]}
    for kind, weights in CONDITION_WEIGHTS.items():
        assert set(weights) <= conditions
        assert set(CONDITION_WORDS[kind]) == set(weights), kind
        assert CLOSINGS[kind]


async def test_every_planned_listing_passes_the_listing_rules(database: Database) -> None:
    async with database.sessionmaker() as session:
        taxonomy = await get_taxonomy(session)
    for listings in plan().values():
        for listing in listings:
            problems = Problems()
            check_fields(
                Draft(
                    listing.category_id,
                    listing.brand_id,
                    listing.size_id,
                    listing.condition,
                    listing.colours,
                    Money(amount=listing.price, currency="EUR"),
                    [],
                ),
                taxonomy,
                problems,
            )
            assert problems.fields == [], (listing.title, problems.fields)


def test_the_plan_is_about_300_varied_listings_from_about_30_sellers() -> None:
    planned = plan()
    listings = [listing for seller in planned.values() for listing in seller]
    sellers = [m for m in MEMBERS if m.role is Role.member]

    assert 280 <= len(listings) <= 320
    assert len(sellers) >= 28
    assert {m.role for m in MEMBERS} == {Role.member, Role.moderator, Role.admin}
    assert all(len(planned[m.username]) == m.listings for m in MEMBERS)
    assert len({listing.category for listing in listings}) >= 80
    assert len({listing.brand for listing in listings}) >= 150
    statuses = Counter(listing.status for listing in listings)
    assert 0.8 <= statuses["active"] / len(listings) <= 0.9
    assert statuses["sold"]
    assert statuses["hidden"]
    assert statuses["draft"]


def test_planned_listings_read_like_real_ones() -> None:
    for username, listings in plan().items():
        assert len({listing.title for listing in listings}) == len(listings), username
        for listing in listings:
            assert 3 <= len(listing.title) <= 80, listing.title
            sentences = re.findall(r"[.!?](?:\s|$)", listing.description)
            assert 1 <= len(sentences) <= 4, listing.description
            assert "{" not in listing.title + listing.description
            assert MIN_PRICE_MINOR <= listing.price <= MAX_PRICE_MINOR
            assert 1 <= len(listing.shots) <= 3
            assert 1 <= len(listing.colours) <= 2
            assert listing.age <= MAX_AGE + MAX_AGE / 100


def test_prices_follow_the_product_and_its_condition() -> None:
    listings = [listing for seller in plan().values() for listing in seller]
    tees = [x for x in listings if x.title.startswith(("H&M", "Uniqlo")) and "T-shirt" in x.title]
    bags = [x for x in listings if x.brand in {"louis-vuitton", "mulberry", "polene", "prada"}]

    assert tees
    assert all(300 <= x.price <= 1200 for x in tees)
    assert bags
    assert all(x.price >= 15000 for x in bags)


def test_the_plan_is_the_same_every_time() -> None:
    first = plan.__wrapped__()
    second = plan.__wrapped__()

    assert first == second


def test_demo_usernames_follow_the_sign_up_rules() -> None:
    for member in MEMBERS:
        assert check_username(member.username) == member.username
