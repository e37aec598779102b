"""The beat schedule: periodic sweeps that keep the system honest.

Each entry names a task by string so this module stays import-free; intervals are short
enough that a job lost between commit and broker is picked up within a minute or two.
"""

from typing import Any


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
        "mail-flush-outbox": {
            "task": "mail.flush_outbox",
            "schedule": 60.0,
            "options": {"queue": "notifications", "expires": 55},
        },
    }
