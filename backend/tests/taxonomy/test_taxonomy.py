"""The taxonomy as loaded by the migrations and served by the API."""

from typing import Any

from httpx import AsyncClient


def _leaves(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for node in nodes:
        found += [node] if node["is_leaf"] else _leaves(node["children"])
    return found


async def test_the_category_tree_is_deep_and_broad(client: AsyncClient) -> None:
    response = await client.get("/api/v1/categories")

    assert response.status_code == 200
    tree = response.json()["items"]
    assert {"Women", "Men", "Kids", "Home", "Electronics"} <= {n["name"] for n in tree}
    assert len(_leaves(tree)) >= 140
    women = next(n for n in tree if n["name"] == "Women")
    assert women["children"][0]["children"], "three levels"
    assert "public, max-age=3600" in response.headers["cache-control"]


async def test_the_category_tree_answers_304_to_its_etag(client: AsyncClient) -> None:
    first = await client.get("/api/v1/categories")

    again = await client.get("/api/v1/categories", headers={"If-None-Match": first.headers["etag"]})

    assert again.status_code == 304


async def test_brands_are_found_by_prefix_and_alias(client: AsyncClient) -> None:
    by_prefix = (await client.get("/api/v1/brands", params={"q": "lev"})).json()["items"]
    by_alias = (await client.get("/api/v1/brands", params={"q": "hennes"})).json()["items"]

    assert "Levi's" in [b["name"] for b in by_prefix]
    assert [b["name"] for b in by_alias][:1] == ["H&M"]


async def test_sizes_follow_the_category(client: AsyncClient) -> None:
    tree = (await client.get("/api/v1/categories")).json()["items"]
    leaves = _leaves(tree)
    sized = next(leaf for leaf in leaves if leaf["has_sizes"])
    unsized = next(leaf for leaf in leaves if not leaf["has_sizes"])

    with_sizes = (await client.get("/api/v1/sizes", params={"category": sized["id"]})).json()
    without = (await client.get("/api/v1/sizes", params={"category": unsized["id"]})).json()

    assert with_sizes["items"]
    assert without == {"group": None, "items": []}


async def test_conditions_come_in_order_with_descriptions(client: AsyncClient) -> None:
    items = (await client.get("/api/v1/conditions")).json()["items"]

    assert [c["key"] for c in items] == [
        "new_with_tags",
        "new_without_tags",
        "very_good",
        "good",
        "satisfactory",
    ]
    assert all(len(c["description"]) > 20 for c in items)


async def test_colours_have_hex_values(client: AsyncClient) -> None:
    items = (await client.get("/api/v1/colors")).json()["items"]

    assert len(items) >= 18
    assert all(c["hex"].startswith("#") and len(c["hex"]) == 7 for c in items)
