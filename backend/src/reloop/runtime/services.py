"""Which services this install talks to: configured URLs, or embedded servers we start.

`reloop run` and `reloop services up` record the embedded servers' URLs in
`<data_dir>/services.json`, so `reloop api` / `worker` / `beat` started separately during
development find them without any configuration.
"""

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reloop.config import Settings
from reloop.runtime.embedded import EmbeddedPostgres, EmbeddedRedis


def _state_file(data_dir: Path) -> Path:
    return data_dir / "services.json"


@dataclass
class StartedServices:
    """Environment overrides for child processes, and how to stop what was started."""

    env: dict[str, str] = field(default_factory=dict)
    stoppers: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        for stop in reversed(self.stoppers):
            stop()
        self.stoppers.clear()


def start_missing_services(settings: Settings) -> StartedServices:
    """Start an embedded server for each service whose URL is not configured."""
    data_dir = settings.data_dir.resolve()
    started = StartedServices()
    try:
        if not settings.database_url:
            postgres = EmbeddedPostgres(data_dir)
            started.env["RELOOP_DATABASE_URL"] = postgres.start()
            started.stoppers.append(postgres.stop)
        if not settings.redis_url:
            redis = EmbeddedRedis(data_dir)
            started.env["RELOOP_REDIS_URL"] = redis.start()
            started.stoppers.append(redis.stop)
    except BaseException:
        started.stop()
        raise
    if started.env:
        _state_file(data_dir).write_text(json.dumps(started.env, indent=2))
    return started


def stop_embedded_services(data_dir: Path) -> None:
    EmbeddedRedis(data_dir.resolve()).stop()
    EmbeddedPostgres(data_dir.resolve()).stop()
    _state_file(data_dir.resolve()).unlink(missing_ok=True)


def adopt_recorded_services(data_dir: Path) -> dict[str, str]:
    """Export the URLs of embedded servers still running, for settings not configured.

    Called before settings are first read, so a later `get_settings()` sees them.
    """
    data_dir = data_dir.resolve()
    try:
        recorded: dict[str, str] = json.loads(_state_file(data_dir).read_text())
    except (OSError, ValueError):
        return {}
    running = {
        "RELOOP_DATABASE_URL": EmbeddedPostgres(data_dir).running_port() is not None,
        "RELOOP_REDIS_URL": EmbeddedRedis(data_dir).running_pid() is not None,
    }
    adopted = {
        key: url for key, url in recorded.items() if running.get(key) and not os.environ.get(key)
    }
    os.environ.update(adopted)
    return adopted
