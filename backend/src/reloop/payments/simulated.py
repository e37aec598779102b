"""The simulated provider: test cards (docs/COMMERCE.md) and a book of its own.

It stands for a provider's servers, so `simulated_charges` is written in its own
transactions on its own connections, never inside the caller's: a charge it made stays
made whatever the caller's transaction does next, exactly the situation a real provider
puts us in.
"""

import asyncio
import re
import uuid
from typing import NamedTuple

from sqlalchemy import Table, bindparam, select, update
from sqlalchemy.dialects.postgresql import insert

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.driver_statement import DriverStatement
from reloop.kit.ids import new_id
from reloop.models.payment import SimulatedCharge
from reloop.payments.errors import InvalidPaymentMethod
from reloop.payments.providers import CaptureResult, TransientPaymentError

# Behaviour by the card's last four digits; any other valid number succeeds.
DECLINES = {
    "0002": ("card_declined", "Your card was declined."),
    "9995": ("insufficient_funds", "Your card has insufficient funds."),
}
FLAKY = "0119"  # the charge is made, then the answer is lost (once)
SLOW = "0259"  # the charge is made, the answer comes after our timeout
_TOKEN = re.compile(r"^sim_\d{4}$")


def _luhn_valid(digits: str) -> bool:
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


class _Charge(NamedTuple):
    id: uuid.UUID
    status: str
    payment_method_ref: str


_charges: Table = SimulatedCharge.__table__  # type: ignore[assignment]
_CHARGE_COLUMNS = (_charges.c.id, _charges.c.status, _charges.c.payment_method_ref)
# Built once, with bound parameters, and run on the driver: every checkout books one charge.
_BOOK = DriverStatement(
    insert(_charges)
    .values(
        id=bindparam("the_id"),
        idempotency_key=bindparam("the_key"),
        amount=bindparam("the_amount"),
        refunded_amount=0,
        currency=bindparam("the_currency"),
        payment_method_ref=bindparam("the_method"),
        status=bindparam("the_status"),
    )
    .on_conflict_do_nothing(index_elements=["idempotency_key"])
    .returning(*_CHARGE_COLUMNS)
)
_BOOKED = select(*_CHARGE_COLUMNS).where(_charges.c.idempotency_key == bindparam("the_key"))


class SimulatedProvider:
    name = "simulated"

    def __init__(self, database: Database, settings: Settings) -> None:
        self._database = database
        self._slow_s = settings.payment_timeout_s * 3

    async def tokenize(self, payment_method: str) -> str:
        """`sim_<last four>` for a Luhn-valid card number (spaces and dashes allowed)."""
        if _TOKEN.match(payment_method):
            return payment_method
        digits = re.sub(r"[\s-]", "", payment_method)
        if not digits.isdigit() or not 12 <= len(digits) <= 19 or not _luhn_valid(digits):
            raise InvalidPaymentMethod(details={"field": "payment_method"})
        return f"sim_{digits[-4:]}"

    async def _book(
        self, key: str, amount: int, currency: str, method_ref: str, status: str
    ) -> tuple[_Charge, bool]:
        """The charge booked under `key`, and whether this call booked it.

        One statement books it, so it commits on its own (`autocommit()`); the read after
        a conflict finds the charge that the other call committed.
        """
        async with self._database.autocommit() as session:
            params = {
                "the_id": new_id(),
                "the_key": key,
                "the_amount": amount,
                "the_currency": currency,
                "the_method": method_ref,
                "the_status": status,
            }
            booked = await _BOOK.rows(session, params)
            if booked:
                return _Charge(*booked[0]), True
            charge = (await session.execute(_BOOKED, {"the_key": key})).first()
        assert charge is not None
        return _Charge(*charge), False

    async def capture(
        self, *, idempotency_key: str, amount: int, currency: str, payment_method_ref: str
    ) -> CaptureResult:
        """Charge the test card once per key; a repeated key answers the first charge."""
        last4 = payment_method_ref[-4:]
        decline = DECLINES.get(last4)
        charge, fresh = await self._book(
            idempotency_key,
            amount,
            currency,
            payment_method_ref,
            "declined" if decline else "succeeded",
        )
        if fresh and last4 == FLAKY:
            raise TransientPaymentError("connection reset after the charge was made")
        if fresh and last4 == SLOW:
            await asyncio.sleep(self._slow_s)
        if charge.status == "declined":
            code, message = DECLINES.get(charge.payment_method_ref[-4:], DECLINES["0002"])
            return CaptureResult("declined", str(charge.id), code, message)
        return CaptureResult("succeeded", str(charge.id))

    async def refund(self, *, idempotency_key: str, provider_ref: str, amount: int) -> None:
        """Book a refund of `provider_ref` once per key."""
        async with self._database.transaction() as session:
            charge = await session.scalar(
                select(SimulatedCharge)
                .where(SimulatedCharge.id == uuid.UUID(provider_ref))
                .with_for_update()
            )
            if charge is None or charge.status != "succeeded":
                raise ValueError(f"no capture {provider_ref} to refund")
            booked = await session.scalar(
                insert(SimulatedCharge)
                .values(
                    id=new_id(),
                    idempotency_key=idempotency_key,
                    amount=amount,
                    refunded_amount=0,
                    currency=charge.currency,
                    payment_method_ref=provider_ref,
                    status="refund",
                )
                .on_conflict_do_nothing(index_elements=["idempotency_key"])
                .returning(SimulatedCharge.id)
            )
            if booked is not None:
                await session.execute(
                    update(SimulatedCharge)
                    .where(SimulatedCharge.id == charge.id)
                    .values(refunded_amount=SimulatedCharge.refunded_amount + amount)
                )
