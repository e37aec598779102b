"""Postings: balanced or refused, by the service and by the database."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from reloop.kit.db import Database
from reloop.ledger import service as ledger


async def test_a_balanced_posting_is_written_and_adds_up(database: Database) -> None:
    async with database.transaction() as session:
        ledger.post(
            session, "capture", None, "EUR", [("psp:simulated", 500), ("platform:fees", -500)]
        )

    async with database.sessionmaker() as session:
        totals = await ledger.balances(session, ["psp:simulated", "platform:fees"])
    assert totals == {("psp:simulated", "EUR"): 500, ("platform:fees", "EUR"): -500}


async def test_legs_that_do_not_sum_to_zero_are_refused(database: Database) -> None:
    async with database.sessionmaker() as session:
        with pytest.raises(ledger.UnbalancedPosting):
            ledger.post(
                session, "capture", None, "EUR", [("psp:simulated", 500), ("platform:fees", -499)]
            )


async def test_the_database_refuses_an_unbalanced_transaction_at_commit(database: Database) -> None:
    with pytest.raises(DBAPIError, match="does not balance"):
        async with database.transaction() as session:
            await session.execute(
                text(
                    "INSERT INTO ledger_entries"
                    " (id, transaction_id, account, amount, currency, kind) VALUES"
                    " (gen_random_uuid(), gen_random_uuid(), 'psp:simulated', 1, 'EUR', 'x')"
                )
            )


async def test_zero_legs_are_left_out(database: Database) -> None:
    async with database.transaction() as session:
        ledger.post(
            session,
            "capture",
            None,
            "EUR",
            [("psp:simulated", 5), ("platform:fees", 0), ("seller:x:pending", -5)],
        )

    async with database.sessionmaker() as session:
        count = await session.scalar(text("SELECT count(*) FROM ledger_entries"))
    assert count == 2
