"""Alembic environment: async engine, URL from the `reloop` settings or the caller."""

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from reloop.config import get_settings
from reloop.kit.db import PoolSettings, create_engine
from reloop.models import Base

config = context.config
target_metadata = Base.metadata


def _url() -> str:
    url = config.attributes.get("database_url") or get_settings().database_url
    if not url:
        raise RuntimeError("no database URL: set RELOOP_DATABASE_URL")
    return str(url)


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        transaction_per_migration=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_online() -> None:
    # A migration may rewrite a million rows; the API's 15 s statement timeout is not for it.
    engine = create_engine(
        _url(), PoolSettings(size=1, statement_timeout_ms=0, application_name="reloop-migrate")
    )
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


if context.is_offline_mode():
    context.configure(url=_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_online())
