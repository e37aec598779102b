"""The feed's statements are written for PostgreSQL's generic plans.

They name the active status in their SQL (`models.item.is_active`), and the walk of new
listings for members who follow many sellers keeps its shape in a generic plan.
"""

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy.dialects import postgresql

from reloop.feed import repository
from reloop.kit.db import Database
from reloop.kit.driver_select import DriverSelect

SHAPES = [
    *(repository._following_statement(resumed, 25) for resumed in (False, True)),
    *(repository._per_seller_statement(resumed) for resumed in (False, True)),
    *(
        repository._popular_statement(member, member and skip, resumed)
        for member in (False, True)
        for skip in (False, True)
        for resumed in (False, True)
    ),
]


@pytest.mark.parametrize("shape", SHAPES)
def test_a_feed_statement_has_active_in_its_text_for_the_generic_plan(shape: DriverSelect) -> None:
    compiled = shape.statement.compile(dialect=postgresql.dialect())  # type: ignore[no-untyped-call]

    assert "status = 'active'" in compiled.string
    assert all(bind.value != "active" for bind in compiled.binds.values())


def _relations(plan: dict[str, Any], under_subplan: bool = False) -> Iterator[tuple[str, bool]]:
    """Each relation a plan reads, and whether it is read inside a subplan."""
    inside = under_subplan or plan.get("Parent Relationship") == "SubPlan"
    if "Relation Name" in plan:
        yield plan["Relation Name"], inside
    for child in plan.get("Plans", []):
        yield from _relations(child, inside)


@pytest.mark.parametrize("resumed", [False, True])
async def test_the_generic_plan_of_the_walk_asks_about_follows_per_listing(
    database: Database, resumed: bool
) -> None:
    compiled = repository._following_statement(resumed, 25).statement.compile(
        dialect=postgresql.asyncpg.dialect()  # type: ignore[no-untyped-call]
    )
    arguments = [f"'{uuid.uuid4()}'"] + (["now()", f"'{uuid.uuid4()}'"] if resumed else [])
    types = ["uuid"] + (["timestamptz", "uuid"] if resumed else [])
    async with database.engine.connect() as connection:
        await connection.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        await connection.exec_driver_sql(f"PREPARE walk({', '.join(types)}) AS {compiled.string}")
        explained = await connection.exec_driver_sql(
            f"EXPLAIN (FORMAT JSON) EXECUTE walk({', '.join(arguments)})"
        )
        plan = explained.scalar_one()[0]["Plan"]
        await connection.rollback()

    read = list(_relations(plan))
    assert ("follows", True) in read
    assert ("follows", False) not in read
    assert "LIMIT 25" in compiled.string
