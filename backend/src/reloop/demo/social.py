"""Demo social life: who follows whom, likes, saves and a few conversations.

Deterministic (seeded by username) and idempotent: links are inserted with
`ON CONFLICT DO NOTHING`, conversations only on listings that have none yet, and the
counters are recomputed from the links afterwards. Each new link also appends the event
a member's action would, so the worker turns them into the notifications members see.
"""

import random
import uuid
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from reloop.events.service import append_event
from reloop.models.item import Item, ItemStatus
from reloop.models.social import Comment, Follow, Like, Save
from reloop.models.user import Role, User

FOLLOWS_EACH = 6
LIKES_EACH = 14
SAVES_EACH = 4
CONVERSATIONS = 24

QUESTIONS = (
    "Is this still available?",
    "Would you take a little less for it?",
    "Could you share the measurements, please?",
    "Any signs of wear I should know about?",
    "Do you ship abroad?",
    "Is the colour true to the photos?",
    "Would you bundle it with your other listing?",
    "How does the sizing run, small or true?",
)
ANSWERS = (
    "Yes, still here!",
    "I can do a small discount if you bundle.",
    "Measurements added to the description.",
    "Barely worn, no marks at all.",
    "Happy to ship, tracked.",
    "The photos are in daylight, so very close.",
)


@dataclass(frozen=True, slots=True)
class SocialReport:
    follows: int
    likes: int
    saves: int
    comments: int


async def _active_items(session: AsyncSession) -> list[tuple[uuid.UUID, uuid.UUID]]:
    rows = await session.execute(
        select(Item.id, Item.seller_id)
        .where(Item.status == ItemStatus.active)
        .order_by(Item.published_at, Item.id)
    )
    return [(row.id, row.seller_id) for row in rows]


async def _link(
    session: AsyncSession,
    model: type[Follow] | type[Like] | type[Save],
    values: dict[str, uuid.UUID],
) -> bool:
    added = await session.execute(
        insert(model).values(**values).on_conflict_do_nothing().returning(text("1"))
    )
    return added.first() is not None


_RECOUNT_MEMBERS = text(
    """
    UPDATE users u SET
        follower_count = (SELECT count(*) FROM follows f WHERE f.followee_id = u.id),
        following_count = (SELECT count(*) FROM follows f WHERE f.follower_id = u.id)
    """
)
_RECOUNT_ITEMS = text(
    """
    UPDATE items i SET
        like_count = (SELECT count(*) FROM likes l WHERE l.item_id = i.id),
        save_count = (SELECT count(*) FROM saves s WHERE s.item_id = i.id),
        comment_count = (
            SELECT count(*) FROM comments c WHERE c.item_id = i.id AND c.deleted_at IS NULL
        )
    """
)


async def _recount(session: AsyncSession) -> None:
    await session.execute(_RECOUNT_MEMBERS)
    await session.execute(_RECOUNT_ITEMS)


async def _conversations(
    session: AsyncSession, members: list[User], items: list[tuple[uuid.UUID, uuid.UUID]]
) -> int:
    commented = set(await session.scalars(select(Comment.item_id).distinct()))
    chooser = random.Random("demo-conversations")  # noqa: S311 (demo data, not security)
    written = 0
    for item_id, seller_id in chooser.sample(items, min(CONVERSATIONS, len(items))):
        if item_id in commented:
            continue
        asker = chooser.choice([m for m in members if m.id != seller_id])
        question = Comment(
            item_id=item_id, author_id=asker.id, body=chooser.choice(QUESTIONS), mentions=[]
        )
        session.add(question)
        await session.flush()
        append_event(
            session,
            "comment.created",
            question.id,
            actor_id=asker.id,
            item_id=str(item_id),
            seller_id=str(seller_id),
            parent_author_id=None,
            mentioned_ids=[],
        )
        written += 1
        if chooser.random() < 0.7:
            answer = Comment(
                item_id=item_id,
                author_id=seller_id,
                parent_id=question.id,
                body=chooser.choice(ANSWERS),
                mentions=[],
            )
            question.reply_count = 1
            session.add(answer)
            await session.flush()
            append_event(
                session,
                "comment.created",
                answer.id,
                actor_id=seller_id,
                item_id=str(item_id),
                seller_id=str(seller_id),
                parent_author_id=str(asker.id),
                mentioned_ids=[],
            )
            written += 1
    return written


async def load_social(session: AsyncSession) -> SocialReport:
    """Add whatever demo follows, likes, saves and conversations are missing."""
    members = list(
        await session.scalars(
            select(User)
            .where(
                User.email.like("%@example.com"),
                User.role == Role.member,
                User.deleted_at.is_(None),
            )
            .order_by(User.username)
        )
    )
    items = await _active_items(session)
    follows = likes = saves = 0
    for member in members:
        chooser = random.Random(f"demo-social:{member.username}")  # noqa: S311 (demo data)
        others = [m for m in members if m.id != member.id]
        for followee in chooser.sample(others, min(FOLLOWS_EACH, len(others))):
            if await _link(session, Follow, {"follower_id": member.id, "followee_id": followee.id}):
                append_event(session, "user.followed", followee.id, actor_id=member.id)
                follows += 1
        theirs = [(i, s) for i, s in items if s != member.id]
        for item_id, seller_id in chooser.sample(theirs, min(LIKES_EACH, len(theirs))):
            if await _link(session, Like, {"user_id": member.id, "item_id": item_id}):
                append_event(
                    session, "item.liked", item_id, actor_id=member.id, seller_id=str(seller_id)
                )
                likes += 1
        for item_id, _ in chooser.sample(theirs, min(SAVES_EACH, len(theirs))):
            saves += await _link(session, Save, {"user_id": member.id, "item_id": item_id})
    comments = await _conversations(session, members, items)
    await _recount(session)
    return SocialReport(follows, likes, saves, comments)
