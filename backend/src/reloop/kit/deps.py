"""FastAPI dependencies for the shared machinery (database, Redis, cache, settings).

All of them are `async def` although none awaits: FastAPI runs plain `def` dependencies
in a thread pool, a hand-off that costs more than the lookup itself on every request.
"""

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.config import Settings
from reloop.kit.cache import Cache
from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from reloop.kit.storage import Storage

# Safe methods change nothing (RFC 9110 §9.2.1), so their session reads in autocommit.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


async def _session(request: Request) -> AsyncIterator[AsyncSession]:
    """The request's unit of work: a transaction, or a read session for a safe method.

    `scope="function"` makes FastAPI run the code after `yield` when the endpoint returns,
    before the response is sent: the commit happens first, a failed commit becomes an
    error response, and jobs go to the broker only once the data they need is visible.
    """
    database: Database = request.app.state.db
    unit = database.reading() if request.method in READ_METHODS else database.transaction()
    async with unit as session:
        yield session


async def _database(request: Request) -> Database:
    database: Database = request.app.state.db
    return database


async def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def _redis(request: Request) -> GuardedRedis:
    redis: GuardedRedis = request.app.state.redis
    return redis


async def _storage(request: Request) -> Storage:
    storage: Storage = request.app.state.storage
    return storage


async def _cache(request: Request) -> Cache:
    cache: Cache = request.app.state.cache
    return cache


SessionDep = Annotated[AsyncSession, Depends(_session, scope="function")]
# For a read that must also write on its own (a lapsed order expired when it is read).
DatabaseDep = Annotated[Database, Depends(_database)]
SettingsDep = Annotated[Settings, Depends(_settings)]
RedisDep = Annotated[GuardedRedis, Depends(_redis)]
CacheDep = Annotated[Cache, Depends(_cache)]
StorageDep = Annotated[Storage, Depends(_storage)]
