"""The demo listings, planned from the catalogue: same seed, same listings, every time.

Planning is pure (no database, no images): each seller gets listings from the lines of
their shelves, spread over categories, with real brands, sizes from the category's own
size group, a condition, colours, a price that fits both, a status and an age. The loader
turns the plan into rows and photos; tests check the plan against the taxonomy files.
"""

import random
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from typing import TypeVar

from reloop.demo.catalogue import LINES
from reloop.demo.catalogue.model import Line, Product
from reloop.demo.catalogue.wording import (
    CLOSINGS,
    CONDITION_PRICE,
    CONDITION_WEIGHTS,
    CONDITION_WORDS,
)
from reloop.demo.members import MEMBERS, DemoMember
from reloop.demo.photos.canvas import Look, tone
from reloop.demo.photos.render import SUBJECTS, Shot, shots
from reloop.taxonomy.loader import load, stable_id

SEED = 2024_05_17
_T = TypeVar("_T")
MAX_AGE = timedelta(days=60)
_SECOND_COLOURS = ("white", "black", "navy", "red", "gold", "cream", "grey")
# Neutral details (a phone's wallpaper, a book's band) for single-colour subjects.
_DETAIL_COLOURS = ("navy", "mustard", "cream", "burgundy", "turquoise", "orange", "grey")
_STATUSES = (("active", 85), ("sold", 7), ("hidden", 4), ("draft", 4))


@dataclass(frozen=True, slots=True)
class PlannedListing:
    """One listing to create, with everything its photos need."""

    title: str
    description: str
    category: str
    brand: str | None
    size: str | None  # a size key within the category's size group
    condition: str
    colours: tuple[str, ...]
    price: int  # EUR cents
    status: str  # active, sold, hidden or draft
    age: timedelta  # since it was published (or created, for a draft)
    subject: str
    look: Look
    shots: tuple[Shot, ...]
    label: tuple[str, ...]  # the lines of the label photo
    backdrop: int

    @property
    def category_id(self) -> uuid.UUID:
        """The category's stable id, the same in every install."""
        return stable_id("category", self.category)

    @property
    def brand_id(self) -> uuid.UUID | None:
        """The brand's stable id, or none for unbranded goods."""
        return stable_id("brand", self.brand) if self.brand else None

    @property
    def size_id(self) -> uuid.UUID | None:
        """The size's stable id within the category's size group, or none."""
        if self.size is None:
            return None
        return stable_id("size", f"{_reference().size_groups[self.category]}/{self.size}")


@dataclass(frozen=True)
class _Reference:
    """What planning needs from the taxonomy files, by slug and key."""

    size_groups: dict[str, str | None]  # leaf category -> size group key
    sizes: dict[str, dict[str, str]]  # size group -> size key -> label
    brands: dict[str, str]  # slug -> name
    colours: dict[str, str]  # key -> name


@lru_cache(maxsize=1)
def _reference() -> _Reference:
    groups: dict[str, str | None] = {}
    pending = list(load("categories")["categories"])
    while pending:
        node = pending.pop()
        if "children" in node:
            pending.extend(node["children"])
        else:
            groups[node["slug"]] = node.get("size_group")
    sizes = {
        g["key"]: {s["key"]: s["label"] for s in g["sizes"]} for g in load("sizes")["size_groups"]
    }
    brands = {b["slug"]: b["name"] for b in load("brands")["brands"]}
    colours = {c["key"]: c["name"] for c in load("colors")["colors"]}
    return _Reference(groups, sizes, brands, colours)


def short_size(label: str) -> str:
    """How a size reads in a title: `M / EU 38 / UK 10` -> `M`, `2 years (92 cm)` -> `2 years`."""
    return label.split(" / ", maxsplit=1)[0].split(" (", maxsplit=1)[0]


@lru_cache(maxsize=1)
def plan() -> dict[str, list[PlannedListing]]:
    """Every demo seller's listings, by username, in the order they are created."""
    rng = random.Random(SEED)  # noqa: S311 (demo data, not secrets)
    used: Counter[Product] = Counter()
    return {member.username: _plan_seller(member, rng, used) for member in MEMBERS}


def _plan_seller(
    member: DemoMember, rng: random.Random, used: Counter[Product]
) -> list[PlannedListing]:
    lines = [line for line in LINES if line.shelf in member.shelves]
    rng.shuffle(lines)
    titles: set[str] = set()
    listings: list[PlannedListing] = []
    attempt = 0
    while len(listings) < member.listings and attempt < member.listings * 4:
        # Round the seller's lines so their listings spread over categories.
        line = lines[attempt % len(lines)]
        attempt += 1
        # The least-listed models first, so sellers of one shelf list different things.
        candidates = sorted(line.products, key=lambda p: (used[p], rng.random()))
        for product in candidates:
            listing = _plan_listing(member, line, product, rng)
            if listing.title not in titles:
                titles.add(listing.title)
                used[product] += 1
                listings.append(listing)
                break
    return listings


def _plan_listing(
    member: DemoMember, line: Line, product: Product, rng: random.Random
) -> PlannedListing:
    ref = _reference()
    brand_name = ref.brands[product.brand] if product.brand else ""
    size = _size(line, rng)
    size_label = ""
    if size is not None:
        size_label = short_size(ref.sizes[ref.size_groups[line.category] or ""][size])
    title = product.title.format(brand=brand_name)
    if size is not None and size != "one-size":
        title = f"{title}, {size_label}"
    condition = _weighted(rng, CONDITION_WEIGHTS[line.kind])
    variant = product.variant if product.variant is not None else line.variant
    if variant is None:
        variant = rng.randrange(2)
    colours, accent = _colours(line, product, variant, rng)
    main = colours[0]
    facts = line.notes
    if condition in {"very_good", "good"}:
        facts += line.used_notes
    notes = rng.sample(facts, k=min(len(facts), rng.choice((1, 1, 2))))
    sentences = [n.format(size=size_label, colour=ref.colours[main].lower()) for n in notes]
    sentences.append(rng.choice(CONDITION_WORDS[line.kind][condition]))
    if rng.random() < 0.4:
        sentences.append(rng.choice(CLOSINGS[line.kind]).format(city=member.city))
    look = Look(
        main=tone(main),
        accent=tone(accent),
        multi=main == "multi",
        words=product.words or brand_name,
        variant=variant,
    )
    label = (brand_name.upper() or "MADE IN EUROPE", size_label, line.material)
    return PlannedListing(
        title=title,
        description=" ".join(sentences),
        category=line.category,
        brand=product.brand,
        size=size,
        condition=condition,
        colours=colours,
        price=_price(product.price, condition, rng),
        status=_weighted(rng, dict(_STATUSES)),
        # Skewed to recent days, as a live marketplace's feed is.
        age=MAX_AGE * rng.random() ** 1.4 + timedelta(minutes=rng.randrange(20, 600)),
        subject=line.subject,
        look=look,
        shots=tuple(shots(line.subject, _weighted(rng, {1: 50, 2: 35, 3: 15}))),
        label=tuple(text for text in label if text),
        backdrop=rng.randrange(4),
    )


def _colours(
    line: Line, product: Product, variant: int, rng: random.Random
) -> tuple[tuple[str, ...], str]:
    """The listing's colours, and the accent its photos use.

    Where the accent is plain to see (a trainer's stripe), it is either listed as the
    second colour or the object is drawn in one colour; elsewhere it only tints details
    nobody would list (a book's title band, a phone's wallpaper).
    """
    main = rng.choice(product.colours or line.colours)
    if variant not in SUBJECTS[line.subject].accented:
        return (main,), rng.choice([c for c in _DETAIL_COLOURS if c != main])
    if rng.random() < 0.6:
        second = rng.choice([c for c in _SECOND_COLOURS if c != main])
        return (main, second), second
    return (main,), main


def _size(line: Line, rng: random.Random) -> str | None:
    """A size from the line's sizes or the whole group, middle sizes being the commonest."""
    ref = _reference()
    group = ref.size_groups[line.category]
    if group is None:
        return None
    keys = list(line.sizes or ref.sizes[group])
    middle = (len(keys) - 1) / 2
    return keys[round(rng.triangular(0, len(keys) - 1, middle))]


def _price(typical: int, condition: str, rng: random.Random) -> int:
    """A price a seller would ask: by condition, give or take, in round numbers."""
    amount = typical * CONDITION_PRICE[condition] * rng.uniform(0.85, 1.15)
    step = 50 if amount < 2000 else 100 if amount < 10000 else 500
    return max(100, round(amount / step) * step)


def _weighted(rng: random.Random, weights: dict[_T, float]) -> _T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]
