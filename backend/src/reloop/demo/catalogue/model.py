"""The shape of the demo catalogue: product lines, the products in them, and how sellers
talk about each kind of thing.

A `Line` is something sellers list again and again (straight jeans, cast-iron pots): its
leaf category, how it is photographed, the colours it comes in and a few honest sentences
about it. A `Product` is one real model in that line, with a brand and a typical price.
"""

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """Families of goods that share how likely each condition is and how it is described."""

    clothing = "clothing"
    shoes = "shoes"
    bags = "bags"
    accessories = "accessories"
    home = "home"
    tech = "tech"
    media = "media"
    games = "games"
    music = "music"
    toys = "toys"
    sport = "sport"
    beauty = "beauty"


@dataclass(frozen=True, slots=True)
class Product:
    """One model: `{brand}` in the title becomes the brand's name; the size is appended."""

    title: str
    brand: str | None  # a brand slug from the taxonomy, or None (vintage, unbranded)
    price: int  # EUR cents, typical in very good condition
    colours: tuple[str, ...] = ()  # only these colours exist; otherwise the line's
    words: str = ""  # printed on the object in the photos (a book's title); else the brand
    variant: int | None = None  # a drawer variant this model always has


@dataclass(frozen=True, slots=True)
class Line:
    """A kind of listing: where it goes, how it looks, what sellers say about it."""

    shelf: str  # which demo sellers list it
    category: str  # a leaf category slug
    subject: str  # the photo subject (`photos.render.SUBJECTS`)
    kind: Kind
    colours: tuple[str, ...]
    products: tuple[Product, ...]
    notes: tuple[str, ...]  # facts true in any condition; may use {size} and {colour}
    sizes: tuple[str, ...] = ()  # size keys sellers have (default: the category's group)
    material: str = ""  # the last line of the label in the label photo
    variant: int | None = None  # a drawer variant every product of the line has
    used_notes: tuple[str, ...] = ()  # a history of use: only for very good or good items
