"""Brand search in the taxonomy snapshot (the header's suggestions and the brand picker)."""

import uuid

from reloop.taxonomy.snapshot import BrandInfo, Taxonomy


def _taxonomy(*brands: tuple[str, tuple[str, ...]]) -> Taxonomy:
    taxonomy = Taxonomy()
    for name, aliases in brands:
        brand_id = uuid.uuid4()
        taxonomy.brands[brand_id] = BrandInfo(brand_id, name.lower(), name, aliases)
    return taxonomy


def _names(found: list[BrandInfo]) -> list[str]:
    return [brand.name for brand in found]


def test_brands_starting_with_the_query_come_before_brands_containing_it() -> None:
    taxonomy = _taxonomy(
        ("String Furniture", ()), ("Furla", ()), ("Diane von Furstenberg", ()), ("Zara", ())
    )

    assert _names(taxonomy.search_brands("FUR", 5)) == [
        "Furla",
        "Diane von Furstenberg",
        "String Furniture",
    ]


def test_an_alias_finds_its_brand_once() -> None:
    taxonomy = _taxonomy(("7 For All Mankind", ("Seven for All Mankind", "7FAM")), ("Sezane", ()))

    assert _names(taxonomy.search_brands("se", 5)) == ["7 For All Mankind", "Sezane"]


def test_the_limit_keeps_the_first_brands_a_to_z() -> None:
    taxonomy = _taxonomy(("Nike", ()), ("New Balance", ()), ("Nudie", ()), ("Barbour", ()))

    assert _names(taxonomy.search_brands("n", 2)) == ["New Balance", "Nike"]


def test_short_queries_match_only_at_the_start_of_a_name() -> None:
    taxonomy = _taxonomy(("Levi's", ()), ("Evisu", ()))

    assert _names(taxonomy.search_brands("ev", 5)) == ["Evisu"]


def test_brand_names_know_every_alias_casefolded() -> None:
    taxonomy = _taxonomy(("Nike", ("NikeLab",)))

    assert set(taxonomy.brand_names) == {"nike", "nikelab"}
