"""The Celery application: queues, reliability settings and where tasks live.

`acks_late` + `task_reject_on_worker_lost` mean a task is acknowledged only after it ran,
so a worker killed mid-task leaves it on the queue for another worker; tasks are therefore
written to be idempotent. Prefetch is 1 so a long task never hoards others.
"""

from typing import Any

from celery import Celery
from kombu import Queue

from reloop.config import get_settings
from reloop.workers import signals  # noqa: F401  (importing connects the handlers)
from reloop.workers.schedule import beat_schedule

QUEUES = ("default", "media", "notifications", "low")

# Tasks are named `<domain>.<action>`; the domain decides the queue.
TASK_ROUTES = {
    "mail.*": {"queue": "notifications"},
    "notifications.*": {"queue": "notifications"},
    "media.*": {"queue": "media"},
    "maintenance.*": {"queue": "low"},
    "items.*": {"queue": "low"},
    "feed.*": {"queue": "low"},
    "search.refresh_terms": {"queue": "low"},
    "search.*": {"queue": "notifications"},
}

# Modules that define tasks; listed by name so this module imports no domain.
TASK_MODULES = [
    "reloop.mail.tasks",
    "reloop.media.tasks",
    "reloop.items.tasks",
    "reloop.notifications.tasks",
    "reloop.feed.tasks",
    "reloop.search.tasks",
    "reloop.inventory.tasks",
    "reloop.checkout.tasks",
    "reloop.orders.tasks",
]


def _configuration() -> dict[str, Any]:
    settings = get_settings()
    return {
        "broker_url": settings.effective_broker_url or "redis://127.0.0.1:6379/0",
        "broker_connection_retry_on_startup": True,
        "broker_transport_options": {"visibility_timeout": 3600},
        "task_ignore_result": True,
        "result_backend": None,
        "task_serializer": "json",
        "accept_content": ["json"],
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "task_acks_on_failure_or_timeout": True,
        "worker_prefetch_multiplier": 1,
        "worker_hijack_root_logger": False,
        "worker_send_task_events": False,
        "task_default_queue": "default",
        "task_queues": [Queue(name) for name in QUEUES],
        "task_routes": TASK_ROUTES,
        "task_time_limit": 300,
        "task_soft_time_limit": 240,
        "beat_schedule": beat_schedule(),
        "timezone": "UTC",
        "enable_utc": True,
    }


def create_celery() -> Celery:
    """The app, configured lazily: settings are read when the configuration is first used.

    Importing a module that defines tasks must not freeze the broker URL of whatever
    environment happened to be in place at import time.
    """
    app = Celery("reloop", include=TASK_MODULES)
    app.add_defaults(_configuration)
    return app


celery_app = create_celery()
