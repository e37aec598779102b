"""The simulated provider: test cards, its own book, one charge per key."""

import pytest
from sqlalchemy import select

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.models.payment import SimulatedCharge
from reloop.payments.errors import InvalidPaymentMethod
from reloop.payments.providers import TransientPaymentError
from reloop.payments.simulated import SimulatedProvider


@pytest.mark.parametrize(
    ("number", "token"),
    [
        ("4242 4242 4242 4242", "sim_4242"),
        ("4000-0000-0000-0002", "sim_0002"),
        ("4000000000009995", "sim_9995"),
        ("sim_4242", "sim_4242"),
    ],
)
async def test_test_cards_become_tokens_without_the_number(
    database: Database, settings: Settings, number: str, token: str
) -> None:
    assert await SimulatedProvider(database, settings).tokenize(number) == token


@pytest.mark.parametrize("number", ["4242 4242 4242 4241", "abc", "", "42", "4" * 25])
async def test_what_is_not_a_card_number_is_refused(
    database: Database, settings: Settings, number: str
) -> None:
    with pytest.raises(InvalidPaymentMethod):
        await SimulatedProvider(database, settings).tokenize(number)


async def test_the_flaky_card_is_charged_then_answers_with_an_error_once(
    database: Database, settings: Settings
) -> None:
    provider = SimulatedProvider(database, settings)
    args = {
        "idempotency_key": "k",
        "amount": 500,
        "currency": "EUR",
        "payment_method_ref": "sim_0119",
    }

    with pytest.raises(TransientPaymentError):
        await provider.capture(**args)  # type: ignore[arg-type]
    result = await provider.capture(**args)  # type: ignore[arg-type]

    assert result.status == "succeeded"


async def test_the_book_is_written_outside_the_callers_transaction(
    database: Database, settings: Settings
) -> None:
    provider = SimulatedProvider(database, settings)
    async with database.sessionmaker() as session, session.begin():
        await provider.capture(
            idempotency_key="k", amount=500, currency="EUR", payment_method_ref="sim_4242"
        )
        await session.rollback()

    async with database.sessionmaker() as session:
        charges = list(await session.scalars(select(SimulatedCharge)))
    assert [(c.amount, c.status) for c in charges] == [(500, "succeeded")]


async def test_a_refund_books_once_per_key(database: Database, settings: Settings) -> None:
    provider = SimulatedProvider(database, settings)
    charge = await provider.capture(
        idempotency_key="k", amount=500, currency="EUR", payment_method_ref="sim_4242"
    )

    for _ in range(2):
        await provider.refund(
            idempotency_key="r", provider_ref=charge.provider_ref or "", amount=200
        )

    async with database.sessionmaker() as session:
        refunded = await session.scalar(
            select(SimulatedCharge.refunded_amount).where(SimulatedCharge.status == "succeeded")
        )
    assert refunded == 200
