"""SQLAlchemy models, one module per aggregate; importing this registers them all."""

from reloop.models.base import Base
from reloop.models.mail import EmailStatus, OutboundEmail

__all__ = ["Base", "EmailStatus", "OutboundEmail"]
