"""The feed's statements name the active status in their SQL (`models.item.is_active`)."""

import pytest
from sqlalchemy.dialects import postgresql

from reloop.feed import repository
from reloop.kit.driver_select import DriverSelect

SHAPES = [
    *(repository._following_statement(resumed) for resumed in (False, True)),
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
