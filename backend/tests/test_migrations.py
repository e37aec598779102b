"""Migrations build the schema from empty, match the models, and reverse cleanly."""

from collections.abc import Iterator

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from reloop.models import Base
from reloop.runtime.migrate import downgrade, upgrade
from tests.fixtures.environment import ServiceEnvironment, drop_database, recreate_database


@pytest.fixture
def empty_database_url(test_environment: ServiceEnvironment) -> Iterator[str]:
    name = f"{make_url(test_environment.database_url).database}_migrations"
    url, admin_url = recreate_database(test_environment.database_url, name)
    yield url
    drop_database(admin_url, name)


def _sync(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def test_upgrading_from_empty_produces_exactly_the_models_schema(empty_database_url: str) -> None:
    upgrade(empty_database_url)

    engine = create_engine(_sync(empty_database_url))
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_downgrading_to_base_and_upgrading_again_works(empty_database_url: str) -> None:
    upgrade(empty_database_url)
    downgrade(empty_database_url, "base")

    engine = create_engine(_sync(empty_database_url))
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    engine.dispose()
    upgrade(empty_database_url)
