"""Sending a committed refund to the provider: after the commit, retried until it lands.

The order is already `refunded` and the ledger reversed when this runs; the provider
call carries `order:{id}:refund`, so a retried or redelivered job refunds once.
"""

import uuid

from sqlalchemy import select

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.models.order import Order
from reloop.models.payment import Payment, PaymentStatus
from reloop.payments.providers import PaymentProvider, provider_for


def refund_key(order_id: uuid.UUID) -> str:
    return f"order:{order_id}:refund"


async def send_refund(
    database: Database,
    settings: Settings,
    order_id: uuid.UUID,
    provider: PaymentProvider | None = None,
) -> bool:
    """Refund the order's total at the provider; False if there is nothing to refund."""
    async with database.transaction() as session:
        row = (
            await session.execute(
                select(Order.total_amount, Payment.provider_ref)
                .join(Payment, Payment.checkout_id == Order.checkout_id)
                .where(
                    Order.id == order_id,
                    Payment.status.in_([PaymentStatus.refunded, PaymentStatus.partially_refunded]),
                    Payment.provider_ref.is_not(None),
                )
            )
        ).first()
    if row is None:
        return False
    amount, provider_ref = row
    provider = provider or provider_for(settings, database)
    await provider.refund(
        idempotency_key=refund_key(order_id), provider_ref=str(provider_ref), amount=amount
    )
    return True
