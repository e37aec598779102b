"""Shared by the ops tests: the social members, a Redis of their own, and drill reports."""

import json
import os
import platform
import sys
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from asgi_lifespan import LifespanManager
from httpx import ASGITransport, AsyncClient

from reloop.app import create_app
from reloop.config import Settings
from reloop.kit.db import Database
from reloop.runtime.embedded import EmbeddedRedis
from tests.fixtures.probe_router import router as probe_router
from tests.social.conftest import ana, ben, choice

__all__ = ["ana", "ben", "choice"]

Report = Callable[[dict[str, object]], None]

# Where `RELOOP_DRILL_REPORT=1` writes the drills' figures; any other value is a path.
DRILL_RESULTS = Path(__file__).resolve().parents[3] / "bench" / "results" / "fault_drills.json"


@pytest.fixture
async def app_on_own_redis(
    settings: Settings, database: Database, own_redis: EmbeddedRedis
) -> AsyncIterator[AsyncClient]:
    """The app on `own_redis`, with the breaker's production pause before it probes again."""
    url = own_redis.start()
    app = create_app(settings.model_copy(update={"redis_url": url}), extra_routers=(probe_router,))
    async with LifespanManager(app):
        transport = ASGITransport(app=app, raise_app_exceptions=False)
        async with AsyncClient(transport=transport, base_url="http://testserver") as http:
            http.app = app  # type: ignore[attr-defined]
            yield http


@pytest.fixture
async def client_on_own_redis(app_on_own_redis: AsyncClient) -> AsyncClient:
    """As `app_on_own_redis`, with a breaker that probes again after 0.2 s."""
    app_on_own_redis.app.state.redis.breaker.reset_after_s = 0.2  # type: ignore[attr-defined]
    return app_on_own_redis


def _write_drill_result(name: str, figures: dict[str, object]) -> None:
    target = os.environ.get("RELOOP_DRILL_REPORT", "")
    path = DRILL_RESULTS if target == "1" else Path(target)
    stored: dict[str, object] = json.loads(path.read_text()) if path.exists() else {}
    drills = stored.get("drills")
    stored = {
        "name": "fault_drills",
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["pytest", *sys.argv[1:]]),
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count() or 0,
        },
        "drills": {**(drills if isinstance(drills, dict) else {}), name: figures},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stored, indent=2) + "\n")


@pytest.fixture
def drill_report(request: pytest.FixtureRequest, record_property: Callable[..., None]) -> Report:
    """Report a drill's figures: test properties, a report section, one printed line.

    With `RELOOP_DRILL_REPORT` set they are also merged into `fault_drills.json` (or the
    file it names); unset, as in CI, the tree stays clean.
    """
    name = request.node.name.removeprefix("test_")

    def report(figures: dict[str, object]) -> None:
        for key, value in figures.items():
            record_property(key, value)
        line = f"drill {name}: " + ", ".join(f"{k}={v}" for k, v in figures.items())
        request.node.add_report_section("call", "drill", line)
        print(line)  # noqa: T201 (the drill's one-line summary, shown under -s)
        if os.environ.get("RELOOP_DRILL_REPORT"):
            _write_drill_result(name, figures)

    return report
