"""Saved searches: kept per member, matched against each new listing by the dispatcher."""

import uuid

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.models.search import SavedSearch as SavedSearchRow
from reloop.search.describe import describe
from reloop.search.errors import SavedSearchLimit, SavedSearchNotFound
from reloop.search.filters import resolve, text_query
from reloop.search.schemas import SavedSearch, SavedSearchCreate, SearchQuery
from reloop.taxonomy.snapshot import Taxonomy, get_taxonomy

MAX_SAVED = 50


def _out(row: SavedSearchRow, taxonomy: Taxonomy) -> SavedSearch:
    query = SearchQuery.model_validate(row.query)
    return SavedSearch(
        id=row.id,
        name=row.name,
        query=query,
        summary=describe(query, taxonomy),
        email_alerts=row.email_alerts,
        created_at=row.created_at,
    )


async def list_saved(session: AsyncSession, member_id: uuid.UUID) -> list[SavedSearch]:
    rows = await session.scalars(
        select(SavedSearchRow)
        .where(SavedSearchRow.user_id == member_id)
        .order_by(SavedSearchRow.created_at.desc(), SavedSearchRow.id.desc())
    )
    taxonomy = await get_taxonomy(session)
    return [_out(row, taxonomy) for row in rows]


async def save_search(
    session: AsyncSession, member_id: uuid.UUID, body: SavedSearchCreate
) -> SavedSearch:
    """Keep a search, with its filters resolved for matching new listings in SQL."""
    taxonomy = await get_taxonomy(session)
    filters = resolve(body.query, taxonomy)
    count = await session.scalar(select(func.count()).where(SavedSearchRow.user_id == member_id))
    if (count or 0) >= MAX_SAVED:
        raise SavedSearchLimit(details={"max": MAX_SAVED})
    row = SavedSearchRow(
        user_id=member_id,
        name=body.name.strip() or "My search",
        query=body.query.model_dump(mode="json", exclude_defaults=True),
        email_alerts=body.email_alerts,
        text_query=text_query(filters.text) if filters.text else None,
        category_ids=list(filters.category_ids or ()),
        brand_ids=list(filters.brand_ids),
        size_ids=list(filters.size_ids),
        conditions=list(filters.conditions),
        colors=list(filters.colors),
        price_min=filters.price_min,
        price_max=filters.price_max,
        country_code=filters.country,
        city=filters.city,
        near_latitude=filters.near[0] if filters.near else None,
        near_longitude=filters.near[1] if filters.near else None,
        near_radius_km=filters.near[2] if filters.near else None,
    )
    session.add(row)
    await session.flush()
    await session.refresh(row, ["created_at"])
    return _out(row, taxonomy)


async def delete_saved(
    session: AsyncSession, member_id: uuid.UUID, saved_search_id: uuid.UUID
) -> None:
    deleted = await session.execute(
        delete(SavedSearchRow)
        .where(SavedSearchRow.id == saved_search_id, SavedSearchRow.user_id == member_id)
        .returning(SavedSearchRow.id)
    )
    if deleted.first() is None:
        raise SavedSearchNotFound()
