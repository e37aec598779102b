"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from reloop.models.auth import AuthSession, AuthToken, RefreshToken, SecurityEvent, TokenPurpose
from reloop.models.base import Base
from reloop.models.event import Event
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
from reloop.models.mail import EmailStatus, OutboundEmail
from reloop.models.media import Image, ImagePurpose, ImageStatus
from reloop.models.taxonomy import Brand, Category, Color, Condition, Size, SizeGroup
from reloop.models.user import Role, User

__all__ = [
    "PUBLIC_STATUSES",
    "AuthSession",
    "AuthToken",
    "Base",
    "Brand",
    "Category",
    "Color",
    "Condition",
    "EmailStatus",
    "Event",
    "Image",
    "ImagePurpose",
    "ImageStatus",
    "Item",
    "ItemStatus",
    "OutboundEmail",
    "RefreshToken",
    "Role",
    "SecurityEvent",
    "Size",
    "SizeGroup",
    "TokenPurpose",
    "User",
]
