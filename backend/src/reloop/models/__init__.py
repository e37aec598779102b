"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from reloop.models.auth import AuthSession, AuthToken, RefreshToken, SecurityEvent, TokenPurpose
from reloop.models.base import Base, Entity
from reloop.models.event import Event
from reloop.models.idempotency import IdempotencyKey, IdempotencyState
from reloop.models.inventory import Reservation, ReservationState
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.ledger import LedgerEntry
from reloop.models.mail import EmailStatus, OutboundEmail
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.models.notification import (
    Channel,
    DigestDelivery,
    Notification,
    NotificationPreference,
    NotificationReceipt,
    NotificationType,
)
from reloop.models.order import (
    Checkout,
    Order,
    OrderActor,
    OrderEvent,
    OrderItem,
    OrderStatus,
)
from reloop.models.payment import Payment, PaymentStatus, SimulatedCharge
from reloop.models.review import Review
from reloop.models.search import Place, SavedSearch, SearchTerm
from reloop.models.social import Block, Comment, Follow, Like, Mute, Save
from reloop.models.taxonomy import Brand, Category, Color, Condition, Size, SizeGroup
from reloop.models.user import Role, User

__all__ = [
    "PUBLIC_STATUSES",
    "AuthSession",
    "AuthToken",
    "Base",
    "Block",
    "Brand",
    "Category",
    "Channel",
    "Checkout",
    "Color",
    "Comment",
    "Condition",
    "DigestDelivery",
    "EmailStatus",
    "Entity",
    "Event",
    "Follow",
    "IdempotencyKey",
    "IdempotencyState",
    "Image",
    "ImagePurpose",
    "ImageStatus",
    "Item",
    "ItemStatus",
    "LedgerEntry",
    "Like",
    "Mute",
    "Notification",
    "NotificationPreference",
    "NotificationReceipt",
    "NotificationType",
    "Order",
    "OrderActor",
    "OrderEvent",
    "OrderItem",
    "OrderStatus",
    "OutboundEmail",
    "Payment",
    "PaymentStatus",
    "Place",
    "RefreshToken",
    "Reservation",
    "ReservationState",
    "Review",
    "Role",
    "Save",
    "SavedSearch",
    "SearchTerm",
    "SecurityEvent",
    "SimulatedCharge",
    "Size",
    "SizeGroup",
    "TokenPurpose",
    "User",
]
