"""Loading the taxonomy data files into the database, as upserts by stable ids.

Migrations call `sync_taxonomy()`; ids are UUIDv5 of the slug or key, so rerunning it, or
running it against another environment, updates rows in place and never re-keys
anything items point to. Rows that disappear from the files are kept (items may use them).
"""

import json
import uuid
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import insert

from reloop.models.taxonomy import Brand, Category, Color, Condition, Size, SizeGroup

_NAMESPACE = uuid.UUID("2f6f7c52-3d0a-4f5e-9f1e-6b3a51d0a7c4")


def stable_id(kind: str, key: str) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{kind}:{key}")


@lru_cache
def load(name: str) -> dict[str, Any]:
    text = resources.files("reloop.taxonomy").joinpath("data", f"{name}.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _upsert(
    connection: Connection, model: type, rows: list[dict[str, Any]], keys: list[str]
) -> None:
    if not rows:
        return
    statement = insert(model).values(rows)
    updates = {c: statement.excluded[c] for c in rows[0] if c not in keys}
    connection.execute(statement.on_conflict_do_update(index_elements=keys, set_=updates))


def _flatten(
    nodes: list[dict[str, Any]], parent: uuid.UUID | None, depth: int, out: list[dict[str, Any]]
) -> None:
    for position, node in enumerate(nodes):
        node_id = stable_id("category", node["slug"])
        leaf = "children" not in node
        group = node.get("size_group") if leaf else None
        out.append(
            {
                "id": node_id,
                "parent_id": parent,
                "slug": node["slug"],
                "name": node["name"],
                "depth": depth,
                "position": position,
                "is_leaf": leaf,
                "size_group_id": stable_id("size_group", group) if group else None,
            }
        )
        if not leaf:
            _flatten(node["children"], node_id, depth + 1, out)


def sync_taxonomy(connection: Connection) -> None:
    groups, sizes = [], []
    for group in load("sizes")["size_groups"]:
        group_id = stable_id("size_group", group["key"])
        groups.append({"id": group_id, "key": group["key"], "name": group["name"]})
        for position, size in enumerate(group["sizes"]):
            sizes.append(
                {
                    "id": stable_id("size", f"{group['key']}/{size['key']}"),
                    "group_id": group_id,
                    "key": size["key"],
                    "label": size["label"],
                    "position": position,
                }
            )
    _upsert(connection, SizeGroup, groups, ["id"])
    _upsert(connection, Size, sizes, ["id"])

    categories: list[dict[str, Any]] = []
    _flatten(load("categories")["categories"], None, 0, categories)
    # Parents before children, so each row's parent exists when it is inserted.
    _upsert(connection, Category, categories, ["id"])

    brands = [
        {
            "id": stable_id("brand", b["slug"]),
            "slug": b["slug"],
            "name": b["name"],
            "aliases": b.get("aliases", []),
        }
        for b in load("brands")["brands"]
    ]
    _upsert(connection, Brand, brands, ["id"])
    conditions = [
        {"id": stable_id("condition", c["key"]), "position": i, **c}
        for i, c in enumerate(load("conditions")["conditions"])
    ]
    _upsert(connection, Condition, conditions, ["id"])
    colors = [
        {"id": stable_id("color", c["key"]), "position": i, **c}
        for i, c in enumerate(load("colors")["colors"])
    ]
    _upsert(connection, Color, colors, ["id"])
