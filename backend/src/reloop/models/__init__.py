"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from reloop.models.auth import AuthSession, AuthToken, RefreshToken, SecurityEvent, TokenPurpose
from reloop.models.base import Base
from reloop.models.mail import EmailStatus, OutboundEmail
from reloop.models.user import Role, User

__all__ = [
    "AuthSession",
    "AuthToken",
    "Base",
    "EmailStatus",
    "OutboundEmail",
    "RefreshToken",
    "Role",
    "SecurityEvent",
    "TokenPurpose",
    "User",
]
