"""Engagement on the listings: likes, saves and comment threads.

Likes and saves are the plan's links, each made after its listing was published. A
listing's comments are questions and replies in time order: about a quarter are replies,
half of those by the seller, and each question carries its exact reply count.
"""

import random
import uuid
from collections.abc import Iterator

import asyncpg

from reloop.benchdata.copying import at, copy_rows
from reloop.benchdata.links import load_links
from reloop.benchdata.plan import Plan
from reloop.benchdata.progress import Progress
from reloop.kit.ids import new_id

_REPLY_SHARE = 0.25
_QUESTIONS = (
    "Is this still available?",
    "Would you take a little less for it?",
    "What are the exact measurements?",
    "Any marks or flaws not in the photos?",
    "Can you ship it this week?",
    "Is the colour true to the photos?",
)
_ANSWERS = (
    "Yes, still available.",
    "Happy to discuss, make me an offer.",
    "No flaws, it has been worn twice.",
    "I can ship tomorrow morning.",
)


async def load_reactions(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: Plan,
    member_ids: list[uuid.UUID],
    item_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    """The planned likes, then saves, each dated between its listing's publication and now."""
    published = plan.item_published
    for table, links in (("likes", plan.likes), ("saves", plan.saves)):
        await load_links(
            conn,
            table,
            ("user_id", "item_id"),
            links,
            member_ids,
            item_ids,
            lambda item: rng.uniform(published[item], plan.now),
            progress,
        )


_COMMENT_COLUMNS = (
    "id",
    "item_id",
    "author_id",
    "parent_id",
    "body",
    "mentions",
    "reply_count",
    "created_at",
)


def _thread(
    rng: random.Random, plan: Plan, item: int, member_ids: list[uuid.UUID], item_id: uuid.UUID
) -> list[tuple[object, ...]]:
    """One listing's comments in time order: questions, and replies (often the seller's)."""
    published = plan.item_published[item]
    times = sorted(rng.uniform(published, plan.now) for _ in range(plan.comments_per_item[item]))
    ids = [new_id() for _ in times]
    questions: list[int] = []
    parents: list[int | None] = []
    authors: list[int] = []
    replies = [0] * len(times)
    for n in range(len(times)):
        if questions and rng.random() < _REPLY_SHARE:
            parent = rng.choice(questions)
            replies[parent] += 1
            parents.append(parent)
            by_seller = rng.random() < 0.5
            authors.append(
                plan.item_seller[item] if by_seller else rng.randrange(plan.members.total)
            )
        else:
            questions.append(n)
            parents.append(None)
            authors.append(rng.randrange(plan.members.total))
    return [
        (
            ids[n],
            item_id,
            member_ids[authors[n]],
            None if parent is None else ids[parent],
            rng.choice(_QUESTIONS if parent is None else _ANSWERS),
            "[]",
            replies[n],
            at(times[n]),
        )
        for n, parent in enumerate(parents)
    ]


async def load_comments(
    conn: asyncpg.Connection,
    rng: random.Random,
    plan: Plan,
    member_ids: list[uuid.UUID],
    item_ids: list[uuid.UUID],
    progress: Progress,
) -> None:
    def rows() -> Iterator[tuple[object, ...]]:
        for item, item_id in enumerate(item_ids):
            if plan.comments_per_item[item]:
                yield from _thread(rng, plan, item, member_ids, item_id)

    total = sum(plan.comments_per_item)
    await copy_rows(conn, "comments", _COMMENT_COLUMNS, rows(), total, progress)
