"""`@username` mentions: found in comment text, kept only when they name a member."""

import re
import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.models.user import User

# A mention starts at a word boundary (so "me@example.com" is not one) and follows the
# username rules of sign-up: letters, digits, dot and underscore, 3 to 30 long. A trailing
# dot or underscore is punctuation ("thanks @ana.") since usernames cannot end with one.
_MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9._]{3,30})")
MAX_MENTIONS = 10


def mentioned_usernames(body: str) -> list[str]:
    """Distinct usernames after `@`, in order of appearance, at most `MAX_MENTIONS`."""
    seen: dict[str, str] = {}
    for match in _MENTION.finditer(body):
        name = match.group(1).rstrip("._")
        if len(name) >= 3:
            seen.setdefault(name.lower(), name)
    return list(seen.values())[:MAX_MENTIONS]


async def resolve_mentions(session: AsyncSession, body: str) -> list[dict[str, str]]:
    """The mentions that name active members, as `{username, user_id}`; others stay text."""
    names = mentioned_usernames(body)
    if not names:
        return []
    rows = await session.execute(
        select(User.id, User.username).where(User.username.in_(names), User.deleted_at.is_(None))
    )
    found = {str(username).lower(): (user_id, str(username)) for user_id, username in rows}
    mentions = []
    for name in names:
        if name.lower() in found:
            user_id, username = found[name.lower()]
            mentions.append({"username": username, "user_id": str(uuid.UUID(str(user_id)))})
    return mentions
