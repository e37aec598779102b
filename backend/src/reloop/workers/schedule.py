"""The beat schedule: periodic sweeps that keep the system honest.

Each entry names a task by string so this module imports no domain; intervals are short
enough that a job lost between commit and broker is picked up within a minute or two.
"""

from typing import Any

from celery.schedules import crontab


def beat_schedule() -> dict[str, dict[str, Any]]:
    return {
        "items-flush-views": {
            "task": "items.flush_views",
            "schedule": 60.0,
            "options": {"queue": "low", "expires": 55},
        },
        "media-remove-orphans": {
            "task": "media.remove_orphans",
            "schedule": 3600.0,
            "options": {"queue": "low", "expires": 3000},
        },
        # Dispatch is enqueued after every commit that appends events; this sweep only
        # catches events whose job was lost between commit and broker.
        "notifications-dispatch": {
            "task": "notifications.dispatch",
            "schedule": 15.0,
            "options": {"queue": "notifications", "expires": 14},
        },
        "notifications-digests": {
            "task": "notifications.send_digests",
            "schedule": crontab(hour=8, minute=0),
            "options": {"queue": "notifications", "expires": 3600},
        },
        "feed-refresh-popularity": {
            "task": "feed.refresh_popularity",
            "schedule": 300.0,
            "options": {"queue": "low", "expires": 290},
        },
        "search-refresh-terms": {
            "task": "search.refresh_terms",
            "schedule": 3600.0,
            "options": {"queue": "low", "expires": 3000},
        },
        "search-email-alerts": {
            "task": "search.email_alerts",
            "schedule": crontab(hour=8, minute=15),
            "options": {"queue": "notifications", "expires": 3600},
        },
        # Timed order transitions (expiry, unshipped refunds, auto-completion) and captures
        # lost between checkout's commit and the provider call.
        "orders-timed-transitions": {
            "task": "orders.timed_transitions",
            "schedule": 60.0,
            "options": {"expires": 55},
        },
        "orders-sweep-payments": {
            "task": "orders.sweep_payments",
            "schedule": 60.0,
            "options": {"expires": 55},
        },
        "orders-low-stock": {
            "task": "orders.low_stock",
            "schedule": crontab(hour=7, minute=30),
            "options": {"queue": "notifications", "expires": 3600},
        },
        # Lapsed holds stop counting on read at once; this writes the units back.
        "inventory-release-lapsed": {
            "task": "inventory.release_lapsed",
            "schedule": 60.0,
            "options": {"queue": "default", "expires": 55},
        },
        "checkout-sweep-idempotency-keys": {
            "task": "checkout.sweep_idempotency_keys",
            "schedule": 3600.0,
            "options": {"queue": "low", "expires": 3000},
        },
        "mail-flush-outbox": {
            "task": "mail.flush_outbox",
            "schedule": 60.0,
            "options": {"queue": "notifications", "expires": 55},
        },
    }
