"""Deadlocks and serialization failures are retried, and never reach a client as a 500."""

import pytest
from sqlalchemy.exc import DBAPIError

from reloop.checkout.service import with_retries
from reloop.inventory.errors import CheckoutBusy


class _PgError(Exception):
    """What asyncpg raises for a statement PostgreSQL aborted, as the driver wraps it."""

    def __init__(self, sqlstate: str) -> None:
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def _aborted(sqlstate: str) -> DBAPIError:
    return DBAPIError("UPDATE items …", {}, _PgError(sqlstate))


@pytest.mark.parametrize("sqlstate", ["40P01", "40001"])
async def test_a_unit_of_work_aborted_by_postgresql_runs_again(sqlstate: str) -> None:
    attempts = []

    async def work() -> str:
        attempts.append(1)
        if len(attempts) < 3:
            raise _aborted(sqlstate)
        return "placed"

    assert await with_retries(work) == "placed"
    assert len(attempts) == 3


async def test_retries_that_run_out_answer_checkout_busy_with_retry_after() -> None:
    async def work() -> str:
        raise _aborted("40P01")

    with pytest.raises(CheckoutBusy) as busy:
        await with_retries(work, attempts=3)

    assert busy.value.status_code == 409
    assert busy.value.headers == {"Retry-After": "1"}


async def test_other_database_errors_are_not_retried() -> None:
    attempts = []

    async def work() -> str:
        attempts.append(1)
        raise _aborted("23505")

    with pytest.raises(DBAPIError):
        await with_retries(work)
    assert len(attempts) == 1
