"""Worker-side hooks: logging, tracing, task outcome counters and per-process cleanup.

Outcomes are counted in a Redis hash rather than in the worker's own memory, so the API's
`/metrics` can report them for the whole fleet without scraping every worker.
"""

from typing import Any

import redis
import structlog
from celery import Task
from celery.signals import (
    setup_logging,
    task_failure,
    task_retry,
    task_success,
    worker_process_init,
    worker_process_shutdown,
    worker_shutdown,
)

from reloop.config import get_settings
from reloop.observability.logging import configure_logging
from reloop.observability.tracing import configure_worker_tracing
from reloop.workers.runtime import shutdown_runtime

TASK_OUTCOMES_KEY = "metrics:celery:task_outcomes"
logger = structlog.get_logger(__name__)
_client: "redis.Redis | None" = None


def _redis() -> "redis.Redis | None":
    global _client
    url = get_settings().redis_url
    if _client is None and url:
        _client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return _client


def _count(task_name: str, outcome: str) -> None:
    client = _redis()
    if client is None:
        return
    try:
        client.hincrby(TASK_OUTCOMES_KEY, f"{task_name}|{outcome}", 1)
    except redis.RedisError:
        logger.warning("metrics.task_outcome_not_recorded", task=task_name, outcome=outcome)


@task_success.connect
def _on_success(sender: Task[Any, Any] | None = None, **_: Any) -> None:
    _count(sender.name if sender else "unknown", "success")


@task_failure.connect
def _on_failure(sender: Task[Any, Any] | None = None, **_: Any) -> None:
    _count(sender.name if sender else "unknown", "failure")


@task_retry.connect
def _on_retry(sender: Task[Any, Any] | None = None, **_: Any) -> None:
    _count(sender.name if sender else "unknown", "retry")


@worker_process_shutdown.connect
@worker_shutdown.connect
def _on_shutdown(**_: Any) -> None:
    shutdown_runtime()


@setup_logging.connect
def _on_setup_logging(**_: Any) -> None:
    """Workers log the same JSON lines as the API (connecting here stops Celery's own)."""
    settings = get_settings()
    configure_logging(settings.log_level, json=settings.log_json)


@worker_process_init.connect
def _on_process_init(**_: Any) -> None:
    """Tracing is set up in each pool process: exporters do not survive a fork."""
    settings = get_settings()
    configure_worker_tracing(service_name=settings.service_name, endpoint=settings.otlp_endpoint)
