"""Upload complete → variants ready, for 12-megapixel phone-sized JPEGs.

Starts `reloop run` (API, one Celery worker, beat; embedded PostgreSQL and Redis; local
storage), uploads camera-like 4000x3000 JPEGs one after another through the real API
(ticket, PUT, complete) and times from `complete` until `GET /images/{id}` says `ready`.
Budget (DESIGN.md §10): p95 ≤ 3 s.

    backend/.venv/bin/python bench/image_pipeline.py [--photos 12]
"""

import argparse
import asyncio
import io
import time

import httpx
from common import Install, percentiles, running_install, write_result
from PIL import Image, ImageFilter

PASSWORD = "bench pipeline passphrase"


def camera_like_jpeg(seed: int) -> bytes:
    """Noise blurred into soft shapes and grain: decodes and compresses like a photo."""
    noise = Image.effect_noise((1000, 750), 80 + seed % 20).convert("RGB")
    base = noise.filter(ImageFilter.GaussianBlur(6)).resize((4000, 3000), Image.Resampling.BICUBIC)
    grain = Image.effect_noise((4000, 3000), 25).convert("RGB")
    photo = Image.blend(base, grain, 0.15)
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


async def _member_headers(install: Install, client: httpx.AsyncClient) -> dict[str, str]:
    from reloop.auth.admin import create_member
    from reloop.kit.db import Database, create_engine

    db = Database(create_engine(install.services()["RELOOP_DATABASE_URL"]))
    try:
        async with db.transaction() as session:
            await create_member(
                session, email="pipeline@example.com", username="pipeline", password=PASSWORD
            )
    finally:
        await db.dispose()
    response = await client.post(
        "/api/v1/auth/login",
        json={"email": "pipeline@example.com", "password": PASSWORD, "transport": "bearer"},
    )
    return {"Authorization": f"Bearer {response.json()['access_token']}"}


async def _one(client: httpx.AsyncClient, headers: dict[str, str], data: bytes) -> float:
    ticket = (
        await client.post(
            "/api/v1/uploads",
            json={"content_type": "image/jpeg", "size_bytes": len(data)},
            headers=headers,
        )
    ).json()
    await client.put(ticket["upload_url"], content=data, headers=ticket["headers"])
    start = time.perf_counter()
    await client.post(f"/api/v1/uploads/{ticket['id']}/complete", headers=headers)
    while True:
        image = (await client.get(f"/api/v1/images/{ticket['id']}", headers=headers)).json()
        if image["status"] in {"ready", "failed"}:
            assert image["status"] == "ready", image
            return (time.perf_counter() - start) * 1000
        await asyncio.sleep(0.05)


async def _run(install: Install, photos: list[bytes]) -> list[float]:
    async with httpx.AsyncClient(base_url=install.base_url, timeout=60) as client:
        headers = await _member_headers(install, client)
        return [await _one(client, headers, data) for data in photos]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--photos", type=int, default=12)
    args = parser.parse_args()
    photos = [camera_like_jpeg(n) for n in range(args.photos)]
    with running_install() as install:
        timings = asyncio.run(_run(install, photos))
    stats = percentiles(timings)
    verdict = "met" if stats["p95"] <= 3000 else "MISSED"
    result = {
        "photos": args.photos,
        "megapixels": 12,
        "average_bytes": sum(map(len, photos)) // len(photos),
        "complete_to_ready_ms": stats,
        "budget": {"p95_ms": 3000},
    }
    table = "\n".join(
        [
            "| measure | p50 | p95 | p99 | max |",
            "|---|---|---|---|---|",
            f"| complete → ready, 12 MP JPEG (ms) | {stats['p50']} | {stats['p95']} | "
            f"{stats['p99']} | {stats['max']} |",
            "",
            f"{args.photos} photos of ~{result['average_bytes'] // 1024} KiB, one after another. "
            f"Budget p95 ≤ 3 s: {verdict}.",
        ]
    )
    path = write_result("image_pipeline_12mp", result, table)
    print(table)
    print(f"\nwritten to {path}")


if __name__ == "__main__":
    main()
