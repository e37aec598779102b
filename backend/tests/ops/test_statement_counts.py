"""Every list costs the same SQL statements for one entry and for fifty (DESIGN.md §10).

The lists whose own domain tests already count their statements (home feed, search,
likes, followers, comments, notifications, seller grids, orders, cart) are not repeated
here; these are the rest.
"""

from fastapi import FastAPI
from httpx import AsyncClient

from reloop.kit.db import Database
from tests.factories.items import Choices
from tests.factories.social import insert_items, link_follows
from tests.factories.users import bearer_headers, make_member
from tests.fixtures.sql import count_statements
from tests.social.conftest import SignedIn

# DESIGN.md §10: SQL statements per list request.
MOST_STATEMENTS = 4


async def _statements(
    app: FastAPI, client: AsyncClient, path: str, headers: dict[str, str], **params: str | int
) -> tuple[int, int]:
    """(statements, entries) for one GET of a list."""
    with count_statements(app) as statements:
        response = await client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    body = response.json()
    return len(statements), len(body["items"] if isinstance(body, dict) else body)


async def test_saved_items_cost_the_same_statements_for_one_and_fifty(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
) -> None:
    for item_id in await insert_items(database, choice, ana.id, 50):
        await client.put(f"/api/v1/items/{item_id}/save", headers=ben.headers)

    one = await _statements(app, client, "/api/v1/me/saves", ben.headers, limit=1)
    fifty = await _statements(app, client, "/api/v1/me/saves", ben.headers, limit=50)

    assert (one[1], fifty[1]) == (1, 50)
    assert one[0] == fifty[0] <= MOST_STATEMENTS


async def test_following_lists_cost_the_same_statements_for_one_and_fifty(
    app: FastAPI, client: AsyncClient, database: Database, ben: SignedIn
) -> None:
    sellers = [await make_member(database) for _ in range(50)]
    await link_follows(database, ben.id, [seller.user.id for seller in sellers])
    path = "/api/v1/users/ben/following"

    one = await _statements(app, client, path, ben.headers, limit=1)
    fifty = await _statements(app, client, path, ben.headers, limit=50)

    assert (one[1], fifty[1]) == (1, 50)
    assert one[0] == fifty[0] <= MOST_STATEMENTS


async def test_my_listings_cost_the_same_statements_for_one_and_fifty(
    app: FastAPI, client: AsyncClient, database: Database, choice: Choices, ana: SignedIn
) -> None:
    await insert_items(database, choice, ana.id, 50)

    one = await _statements(app, client, "/api/v1/me/items", ana.headers, status="active", limit=1)
    fifty = await _statements(
        app, client, "/api/v1/me/items", ana.headers, status="active", limit=50
    )

    assert (one[1], fifty[1]) == (1, 50)
    assert one[0] == fifty[0] <= MOST_STATEMENTS


async def test_the_popular_feed_costs_the_same_statements_for_one_and_fifty(
    app: FastAPI,
    client: AsyncClient,
    database: Database,
    choice: Choices,
    ana: SignedIn,
    ben: SignedIn,
) -> None:
    await insert_items(database, choice, ana.id, 50)

    for headers in ({}, ben.headers):
        one = await _statements(app, client, "/api/v1/feed/popular", headers, limit=1)
        fifty = await _statements(app, client, "/api/v1/feed/popular", headers, limit=50)

        assert (one[1], fifty[1]) == (1, 50)
        assert one[0] == fifty[0] <= MOST_STATEMENTS


async def test_saved_searches_cost_the_same_statements_for_one_and_fifty(
    app: FastAPI, client: AsyncClient, ana: SignedIn
) -> None:
    path = "/api/v1/me/saved-searches"

    async def save(n: int) -> None:
        created = await client.post(
            path, json={"name": f"Search {n}", "query": {"q": f"coat {n}"}}, headers=ana.headers
        )
        assert created.status_code == 201, created.text

    await save(0)
    one = await _statements(app, client, path, ana.headers)
    for n in range(1, 50):
        await save(n)
    fifty = await _statements(app, client, path, ana.headers)

    assert (one[1], fifty[1]) == (1, 50)
    assert one[0] == fifty[0] <= MOST_STATEMENTS


async def test_session_lists_cost_the_same_statements_for_one_and_many(
    app: FastAPI, client: AsyncClient, database: Database
) -> None:
    # Sign-ins are limited to 20 per account in 15 minutes: fifteen sessions stand for many.
    member = await make_member(database)
    headers = await bearer_headers(client, member)
    one = await _statements(app, client, "/api/v1/auth/sessions", headers)
    for _ in range(14):
        await bearer_headers(client, member)
    many = await _statements(app, client, "/api/v1/auth/sessions", headers)

    assert (one[1], many[1]) == (1, 15)
    assert one[0] == many[0] <= MOST_STATEMENTS
