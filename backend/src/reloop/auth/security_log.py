"""The security log: sign-ins, failures, resets, token reuse. Never secrets.

`record()` writes in the request's transaction, so an event commits with the change it
describes. `record_now()` writes in its own short transaction, for events that must
outlive a request that answers with an error and rolls back (a failed sign-in, a reused
refresh token). Every event is mirrored as a log line.
"""

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import structlog
from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.kit.db import Database
from reloop.kit.ratelimit import client_ip
from reloop.models.auth import SecurityEvent

logger = structlog.get_logger("reloop.security")


@dataclass(frozen=True, slots=True)
class RequestMeta:
    ip: str | None
    user_agent: str | None

    @classmethod
    def of(cls, request: Request) -> "RequestMeta":
        agent = request.headers.get("user-agent")
        return cls(ip=client_ip(request), user_agent=agent[:400] if agent else None)


class SecurityLog:
    def __init__(self, db: Database, session: AsyncSession, meta: RequestMeta) -> None:
        self.db = db
        self.session = session
        self.meta = meta

    def _event(
        self, kind: str, user_id: uuid.UUID | None, details: dict[str, Any]
    ) -> SecurityEvent:
        logger.info(
            f"security.{kind}",
            user_id=str(user_id) if user_id else None,
            ip=self.meta.ip,
            **details,
        )
        return SecurityEvent(
            user_id=user_id,
            kind=kind,
            ip=self.meta.ip,
            user_agent=self.meta.user_agent,
            details=details,
            created_at=datetime.now(UTC),
        )

    def record(self, kind: str, user_id: uuid.UUID | None = None, **details: Any) -> None:
        """An event that commits (or rolls back) with the request."""
        self.session.add(self._event(kind, user_id, details))

    async def record_now(self, kind: str, user_id: uuid.UUID | None = None, **details: Any) -> None:
        """An event that stands even if the request fails."""
        async with self.db.transaction() as own:
            own.add(self._event(kind, user_id, details))
