"""Uploads end to end through the app: presigned PUT, completion, processing, variants."""

import io
import uuid
from typing import Any

from fastapi import FastAPI
from httpx import AsyncClient
from PIL import Image

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.media.pipeline import process
from tests.factories import images
from tests.factories.users import Member, bearer_headers, make_member


async def upload(
    client: AsyncClient,
    headers: dict[str, str],
    data: bytes,
    *,
    content_type: str = "image/jpeg",
    purpose: str = "item",
) -> dict[str, Any]:
    """Ask for a ticket, PUT the bytes, complete: what a client does."""
    ticket = await client.post(
        "/api/v1/uploads",
        json={"content_type": content_type, "size_bytes": len(data), "purpose": purpose},
        headers=headers,
    )
    assert ticket.status_code == 201, ticket.text
    body = ticket.json()
    put = await client.put(body["upload_url"], content=data, headers=body["headers"])
    assert put.status_code == 204, put.text
    done = await client.post(f"/api/v1/uploads/{body['id']}/complete", headers=headers)
    assert done.status_code == 200, done.text
    result: dict[str, Any] = done.json()
    return result


async def processed(app: FastAPI, database: Database, settings: Settings, image_id: str) -> None:
    """Run the processing job as a worker would."""
    await process(database, app.state.storage, settings, uuid.UUID(image_id))


async def _member(client: AsyncClient, database: Database) -> tuple[Member, dict[str, str]]:
    member = await make_member(database)
    return member, await bearer_headers(client, member)


async def test_an_uploaded_photo_is_processed_into_variants_without_gps(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, headers = await _member(client, database)
    started = await upload(client, headers, images.jpeg(2000, 1500, gps=True, orientation=6))
    assert started["status"] == "processing"

    await processed(app, database, settings, started["id"])
    image = (await client.get(f"/api/v1/images/{started['id']}", headers=headers)).json()

    assert image["status"] == "ready"
    assert (image["width"], image["height"]) == (1500, 2000)
    assert image["aspect_ratio"] == 0.75
    assert image["dominant_color"].startswith("#")
    assert set(image["variants"]) == {"thumb", "medium", "large"}
    for variant in image["variants"].values():
        for url in (variant["webp"], variant["jpeg"]):
            served = await client.get(url)
            assert served.status_code == 200
            assert "immutable" in served.headers["cache-control"]
            assert Image.open(io.BytesIO(served.content)).getexif().get_ifd(0x8825) == {}


async def test_processing_twice_writes_the_same_variants_once(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, headers = await _member(client, database)
    started = await upload(client, headers, images.jpeg())

    await processed(app, database, settings, started["id"])
    first = (await client.get(f"/api/v1/images/{started['id']}", headers=headers)).json()
    await processed(app, database, settings, started["id"])
    second = (await client.get(f"/api/v1/images/{started['id']}", headers=headers)).json()

    assert first == second
    assert first["status"] == "ready"


async def test_a_file_that_lies_about_its_type_fails_with_a_reason(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, headers = await _member(client, database)
    started = await upload(client, headers, b"MZ\x90\x00 an executable pretending")

    await processed(app, database, settings, started["id"])
    image = (await client.get(f"/api/v1/images/{started['id']}", headers=headers)).json()

    assert image["status"] == "failed"
    assert "not an image" in image["failure_reason"]
    assert image["variants"] == {}


async def test_a_bomb_fails_with_a_reason(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, headers = await _member(client, database)
    started = await upload(client, headers, images.bomb_png(), content_type="image/png")

    await processed(app, database, settings, started["id"])
    image = (await client.get(f"/api/v1/images/{started['id']}", headers=headers)).json()

    assert image["status"] == "failed"
    assert "too many pixels" in image["failure_reason"]


async def test_a_type_that_is_not_a_photo_is_refused_with_415(
    client: AsyncClient, database: Database
) -> None:
    _, headers = await _member(client, database)

    response = await client.post(
        "/api/v1/uploads",
        json={"content_type": "application/pdf", "size_bytes": 10},
        headers=headers,
    )

    assert response.status_code == 415
    assert response.json()["error"]["code"] == "unsupported_media_type"


async def test_a_file_over_the_limit_is_refused_with_413(
    client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, headers = await _member(client, database)

    response = await client.post(
        "/api/v1/uploads",
        json={"content_type": "image/jpeg", "size_bytes": settings.media_max_upload_bytes + 1},
        headers=headers,
    )

    assert response.status_code == 413


async def test_the_storage_quota_is_enforced(
    app: FastAPI, client: AsyncClient, database: Database
) -> None:
    _, headers = await _member(client, database)
    app.state.settings.media_quota_bytes = 1_500_000
    try:
        first = await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": 1_000_000},
            headers=headers,
        )
        second = await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": 1_000_000},
            headers=headers,
        )
    finally:
        app.state.settings.media_quota_bytes = Settings().media_quota_bytes

    assert first.status_code == 201
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "storage_quota_exceeded"


async def test_completing_before_uploading_is_refused(
    client: AsyncClient, database: Database
) -> None:
    _, headers = await _member(client, database)
    ticket = (
        await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": 100},
            headers=headers,
        )
    ).json()

    response = await client.post(f"/api/v1/uploads/{ticket['id']}/complete", headers=headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "upload_not_received"


async def test_an_upload_url_is_bound_to_its_key_type_and_size(
    client: AsyncClient, database: Database
) -> None:
    _, headers = await _member(client, database)
    ticket = (
        await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": 10},
            headers=headers,
        )
    ).json()
    url = ticket["upload_url"]
    other_key = url.replace(ticket["id"], str(uuid.uuid4()))

    wrong_key = await client.put(other_key, content=b"0123456789", headers=ticket["headers"])
    wrong_type = await client.put(url, content=b"0123456789", headers={"Content-Type": "image/png"})
    too_big = await client.put(url, content=b"0123456789AB", headers=ticket["headers"])
    tampered_expiry = await client.put(
        url.replace("exp=", "exp=1"), content=b"0123456789", headers=ticket["headers"]
    )

    assert wrong_key.status_code == 403
    assert wrong_key.json()["error"]["code"] == "upload_url_invalid"
    assert wrong_type.status_code == 403
    assert too_big.status_code == 413
    assert tampered_expiry.status_code == 403


async def test_another_members_images_are_not_found(
    app: FastAPI, client: AsyncClient, database: Database, settings: Settings
) -> None:
    _, owner = await _member(client, database)
    started = await upload(client, owner, images.jpeg())
    await processed(app, database, settings, started["id"])
    _, intruder = await _member(client, database)

    seen = await client.get(f"/api/v1/images/{started['id']}", headers=intruder)
    completed = await client.post(f"/api/v1/uploads/{started['id']}/complete", headers=intruder)

    assert seen.status_code == 404
    assert completed.status_code == 404


async def test_the_whole_flow_works_against_an_s3_server(
    settings: Settings, database: Database, s3_storage_url: str
) -> None:
    from asgi_lifespan import LifespanManager
    from httpx import ASGITransport

    from reloop.app import create_app

    s3_app = create_app(settings.model_copy(update={"storage_url": s3_storage_url}))
    async with LifespanManager(s3_app):
        transport = ASGITransport(app=s3_app)
        async with AsyncClient(transport=transport, base_url="http://testserver") as http:
            member = await make_member(database)
            headers = await bearer_headers(http, member)
            data = images.jpeg(gps=True)
            ticket = (
                await http.post(
                    "/api/v1/uploads",
                    json={"content_type": "image/jpeg", "size_bytes": len(data)},
                    headers=headers,
                )
            ).json()
            async with AsyncClient() as outside:
                put = await outside.put(
                    ticket["upload_url"], content=data, headers=ticket["headers"]
                )
            assert put.status_code == 200
            done = await http.post(f"/api/v1/uploads/{ticket['id']}/complete", headers=headers)
            assert done.json()["status"] == "processing"
            await process(database, s3_app.state.storage, settings, uuid.UUID(ticket["id"]))
            image = (await http.get(f"/api/v1/images/{ticket['id']}", headers=headers)).json()
            async with AsyncClient() as outside:
                served = await outside.get(image["variants"]["thumb"]["webp"])

    assert image["status"] == "ready"
    assert served.status_code == 200
    assert Image.open(io.BytesIO(served.content)).format == "WEBP"
