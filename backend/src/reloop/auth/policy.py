"""What makes an acceptable email, username and password.

Rules are data here so the API, the error messages and the tests agree on them.
"""

import re
from functools import lru_cache

from email_validator import EmailNotValidError, validate_email
from zxcvbn.frequency_lists import FREQUENCY_LISTS

USERNAME_PATTERN = re.compile(r"^(?![._])(?!.*[._]{2})[A-Za-z0-9._]{3,30}(?<![._])$")
PASSWORD_MIN_LENGTH = 10
PASSWORD_MAX_LENGTH = 128

# Names that would impersonate the service or collide with routes.
RESERVED_USERNAMES = frozenset(
    {
        "about",
        "account",
        "accounts",
        "admin",
        "administrator",
        "api",
        "app",
        "auth",
        "billing",
        "blog",
        "cart",
        "checkout",
        "contact",
        "dashboard",
        "deleted",
        "dev",
        "docs",
        "feed",
        "help",
        "home",
        "inbox",
        "items",
        "jobs",
        "legal",
        "login",
        "logout",
        "me",
        "messages",
        "mod",
        "moderator",
        "new",
        "notifications",
        "official",
        "orders",
        "privacy",
        "register",
        "reloop",
        "root",
        "search",
        "security",
        "sell",
        "settings",
        "shop",
        "signin",
        "signout",
        "signup",
        "staff",
        "static",
        "status",
        "studio",
        "support",
        "system",
        "team",
        "terms",
        "user",
        "users",
        "verify",
        "www",
    }
)


class PolicyError(ValueError):
    """A value breaks a rule; the message is shown to the member as is."""


def normalise_email(value: str) -> str:
    """The canonical form of an address, or `PolicyError` with what is wrong with it."""
    try:
        result = validate_email(value.strip(), check_deliverability=False)
    except EmailNotValidError as exc:
        raise PolicyError(str(exc)) from exc
    return result.normalized


def check_username(value: str) -> str:
    if not USERNAME_PATTERN.match(value):
        raise PolicyError(
            "Use 3 to 30 letters, digits, dots or underscores, not starting or ending "
            "with a dot or underscore, and never two in a row."
        )
    if value.lower() in RESERVED_USERNAMES or value.lower().startswith("deleted_"):
        raise PolicyError("This username is reserved.")
    return value


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset[str]:
    # zxcvbn's list of the 30,000 most common passwords, shipped with the package.
    return frozenset(FREQUENCY_LISTS["passwords"])


def password_problem(password: str, *, email: str, username: str) -> str | None:
    """Why `password` is refused, or `None` when it is acceptable."""
    if len(password) < PASSWORD_MIN_LENGTH:
        return f"Use at least {PASSWORD_MIN_LENGTH} characters."
    if len(password) > PASSWORD_MAX_LENGTH:
        return f"Use at most {PASSWORD_MAX_LENGTH} characters."
    lowered = password.lower()
    if lowered in _common_passwords():
        return "This password is too common; choose one that others are unlikely to use."
    if lowered in {email.lower(), email.lower().split("@", 1)[0], username.lower()}:
        return "Your password must not be your email address or username."
    return None
