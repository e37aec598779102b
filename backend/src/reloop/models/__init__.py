"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from reloop.models.auth import AuthSession, AuthToken, RefreshToken, SecurityEvent, TokenPurpose
from reloop.models.base import Base, Entity
from reloop.models.event import Event
from reloop.models.item import PUBLIC_STATUSES, Item, ItemStatus
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
    "Color",
    "Comment",
    "Condition",
    "DigestDelivery",
    "EmailStatus",
    "Entity",
    "Event",
    "Follow",
    "Image",
    "ImagePurpose",
    "ImageStatus",
    "Item",
    "ItemStatus",
    "Like",
    "Mute",
    "Notification",
    "NotificationPreference",
    "NotificationReceipt",
    "NotificationType",
    "OutboundEmail",
    "Place",
    "RefreshToken",
    "Role",
    "Save",
    "SavedSearch",
    "SearchTerm",
    "SecurityEvent",
    "Size",
    "SizeGroup",
    "TokenPurpose",
    "User",
]
