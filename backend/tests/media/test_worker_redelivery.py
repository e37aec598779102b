"""A worker process killed mid-task: the job is redelivered and the image ends ready once.

`acks_late` + `task_reject_on_worker_lost` put the task back on the queue when its pool
process dies; processing writes variants under deterministic keys, so the second run
rewrites the same six files and the image turns `ready` exactly once.
"""

import asyncio
import os
import signal
import subprocess
import sys
import time
import uuid

import psutil
from redis import Redis

from reloop.config import Settings
from reloop.kit.db import Database
from reloop.kit.storage import Storage, create_storage
from reloop.media.tasks import process_image_task
from reloop.models.media import Image, ImageStatus
from tests.factories import images
from tests.factories.users import make_member
from tests.fixtures.environment import ServiceEnvironment
from tests.fixtures.processes import stop_worker

QUEUE = "media-redelivery-test"


def _wait(condition: object, timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.02)


async def _status(database: Database, image_id: uuid.UUID) -> ImageStatus:
    async with database.sessionmaker() as session:
        image = await session.get(Image, image_id)
        assert image is not None
        return image.status


async def test_a_killed_worker_process_leads_to_redelivery_and_one_ready_image(
    database: Database, settings: Settings, test_environment: ServiceEnvironment
) -> None:
    member = await make_member(database)
    storage: Storage = create_storage(
        None,
        data_dir=settings.data_dir.resolve(),
        secret=settings.secret_key.get_secret_value(),
        media_base_url="",
    )
    data = images.jpeg(7000, 5000)
    async with database.transaction() as session:
        image = Image(
            owner_id=member.user.id,
            purpose="item",
            declared_type="image/jpeg",
            size_bytes=len(data),
            status=ImageStatus.processing,
        )
        session.add(image)
    await storage.write(image.upload_key, data, "image/jpeg")

    worker = subprocess.Popen(  # noqa: ASYNC220 (the test's own worker process)
        [sys.executable, "-m", "reloop", "worker", "--queues", QUEUE],
        env={**os.environ, "RELOOP_WORKER_CONCURRENCY": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    broker = Redis.from_url(test_environment.redis_url)
    try:
        _wait(lambda: psutil.Process(worker.pid).children(), 60, "the pool process")
        broker.delete("unacked")
        process_image_task.apply_async(args=(str(image.id),), queue=QUEUE)
        _wait(lambda: broker.hlen("unacked") > 0, 60, "the task to be taken")
        child = psutil.Process(worker.pid).children()[0]
        child.send_signal(signal.SIGKILL)
        assert await _status(database, image.id) is ImageStatus.processing, "killed too late"

        deadline = time.monotonic() + 90
        while await _status(database, image.id) is not ImageStatus.ready:
            assert time.monotonic() < deadline, "the task was not redelivered"
            await asyncio.sleep(0.1)
    finally:
        stop_worker(worker)
        broker.close()

    assert not child.is_running()
    for variant in ("thumb", "medium", "large"):
        for extension in ("webp", "jpg"):
            assert await storage.size_of(f"images/{image.id}/{variant}.{extension}")
    assert await storage.size_of(image.upload_key) is None
