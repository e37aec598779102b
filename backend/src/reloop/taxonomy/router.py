"""The taxonomy endpoints: long-lived, ETagged, served from the in-memory snapshot."""

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from reloop.kit.deps import SessionDep
from reloop.kit.errors import error_responses
from reloop.kit.etag import conditional_json
from reloop.taxonomy.errors import CategoryNotFound
from reloop.taxonomy.schemas import (
    BrandList,
    BrandOut,
    CategoryNode,
    CategoryTree,
    ColorList,
    ColorOut,
    ConditionList,
    ConditionOut,
    SizeList,
    SizeOut,
)
from reloop.taxonomy.snapshot import Taxonomy, get_taxonomy

router = APIRouter(tags=["taxonomy"])
_HOUR = 3600
_NOT_MODIFIED: dict[int | str, dict[str, Any]] = {304: {"description": "Not modified (ETag)."}}


def _tree(taxonomy: Taxonomy, parent: uuid.UUID | None) -> list[CategoryNode]:
    return [
        CategoryNode(
            id=c.id,
            slug=c.slug,
            name=c.name,
            is_leaf=c.is_leaf,
            has_sizes=c.size_group_id is not None,
            children=_tree(taxonomy, c.id),
        )
        for c in taxonomy.children.get(parent, [])
    ]


@router.get(
    "/categories", response_model=CategoryTree, responses=_NOT_MODIFIED, summary="The category tree"
)
async def categories(request: Request, session: SessionDep) -> Response:
    taxonomy = await get_taxonomy(session)
    return conditional_json(
        request, CategoryTree(items=_tree(taxonomy, None)), max_age_s=_HOUR, public=True
    )


@router.get(
    "/brands",
    response_model=BrandList,
    responses=_NOT_MODIFIED,
    summary="Brands by name or alias prefix",
)
async def brands(
    request: Request,
    session: SessionDep,
    q: Annotated[str, Query(max_length=60)] = "",
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> Response:
    taxonomy = await get_taxonomy(session)
    found = taxonomy.search_brands(q, limit) if q.strip() else taxonomy.brands_by_name[:limit]
    body = BrandList(items=[BrandOut(id=b.id, slug=b.slug, name=b.name) for b in found])
    return conditional_json(request, body, max_age_s=_HOUR, public=True)


@router.get(
    "/sizes",
    response_model=SizeList,
    responses={**_NOT_MODIFIED, **error_responses(CategoryNotFound)},
    summary="The sizes a category offers (empty when size does not apply)",
)
async def sizes(request: Request, session: SessionDep, category: uuid.UUID) -> Response:
    taxonomy = await get_taxonomy(session)
    info = taxonomy.categories.get(category)
    if info is None:
        raise CategoryNotFound()
    group = info.size_group_id
    body = SizeList(
        group=taxonomy.size_groups[group] if group else None,
        items=[
            SizeOut(id=s.id, key=s.key, label=s.label)
            for s in taxonomy.sizes_by_group.get(group, [])
        ]
        if group
        else [],
    )
    return conditional_json(request, body, max_age_s=_HOUR, public=True)


@router.get(
    "/conditions", response_model=ConditionList, responses=_NOT_MODIFIED, summary="Item conditions"
)
async def conditions(request: Request, session: SessionDep) -> Response:
    taxonomy = await get_taxonomy(session)
    body = ConditionList(
        items=[
            ConditionOut(key=c.key, name=c.name, description=c.detail)
            for c in taxonomy.conditions.values()
        ]
    )
    return conditional_json(request, body, max_age_s=_HOUR, public=True)


@router.get("/colors", response_model=ColorList, responses=_NOT_MODIFIED, summary="Colours")
async def colors(request: Request, session: SessionDep) -> Response:
    taxonomy = await get_taxonomy(session)
    body = ColorList(
        items=[ColorOut(key=c.key, name=c.name, hex=c.detail) for c in taxonomy.colors.values()]
    )
    return conditional_json(request, body, max_age_s=_HOUR, public=True)
