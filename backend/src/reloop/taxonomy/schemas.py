"""Taxonomy shapes."""

import uuid

from reloop.kit.schemas import Schema


class CategoryNode(Schema):
    id: uuid.UUID
    slug: str
    name: str
    is_leaf: bool
    has_sizes: bool
    children: list["CategoryNode"] = []


class CategoryTree(Schema):
    items: list[CategoryNode]


class BrandOut(Schema):
    id: uuid.UUID
    slug: str
    name: str


class BrandList(Schema):
    items: list[BrandOut]


class SizeOut(Schema):
    id: uuid.UUID
    key: str
    label: str


class SizeList(Schema):
    group: str | None
    items: list[SizeOut]


class ConditionOut(Schema):
    key: str
    name: str
    description: str


class ConditionList(Schema):
    items: list[ConditionOut]


class ColorOut(Schema):
    key: str
    name: str
    hex: str


class ColorList(Schema):
    items: list[ColorOut]


class CategoryRef(Schema):
    """A category as items show it: itself and its ancestors, root first."""

    id: uuid.UUID
    slug: str
    name: str
    path: list[str]
