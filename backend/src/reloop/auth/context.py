"""What account flows need besides the database session."""

from dataclasses import dataclass

from reloop.auth.security_log import SecurityLog
from reloop.config import Settings


@dataclass(frozen=True, slots=True)
class AccountContext:
    settings: Settings
    app_url: str  # where links in emails point
    log: SecurityLog
