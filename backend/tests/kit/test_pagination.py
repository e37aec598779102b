"""Keyset pagination through the real app: complete, ordered, and tamper-proof."""

from httpx import AsyncClient


async def test_following_cursors_visits_every_row_once_in_order(client: AsyncClient) -> None:
    seen: list[int] = []
    cursor: str | None = None
    while True:
        params: dict[str, str | int] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        response = await client.get("/api/v1/_probe/page", params=params)
        assert response.status_code == 200
        body = response.json()
        seen += body["items"]
        cursor = body["next_cursor"]
        if cursor is None:
            break

    assert seen == list(range(59, -1, -1))


async def test_a_tampered_cursor_answers_400(client: AsyncClient) -> None:
    first = (await client.get("/api/v1/_probe/page", params={"limit": 5})).json()
    tampered = first["next_cursor"][:-3] + ("AAA" if first["next_cursor"][-3:] != "AAA" else "BBB")

    response = await client.get("/api/v1/_probe/page", params={"cursor": tampered})

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "invalid_cursor"


async def test_a_limit_above_the_maximum_answers_422(client: AsyncClient) -> None:
    response = await client.get("/api/v1/_probe/page", params={"limit": 101})

    assert response.status_code == 422
