"""Members, a listing, and the dispatcher run in the test process."""

from collections.abc import Awaitable, Callable

import pytest

from reloop.kit.db import Database
from reloop.kit.redis import GuardedRedis
from tests.social.conftest import ana, anas_item, ben, choice  # noqa: F401  (shared fixtures)

Dispatch = Callable[[], Awaitable[int]]


@pytest.fixture
def dispatch(database: Database, redis: GuardedRedis) -> Dispatch:
    """Run the real dispatcher once over the outbox (the worker runs the same function).

    Imported here, not at the top: a conftest named on the command line is loaded before
    the test environment sets `RELOOP_*`, and the dispatcher's imports create the Celery
    app from the settings.
    """
    from reloop.notifications.dispatcher import dispatch_pending

    async def run() -> int:
        return await dispatch_pending(database, redis)

    return run
