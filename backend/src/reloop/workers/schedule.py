"""The beat schedule: periodic sweeps that keep the system honest.

Each entry names a task by string so this module stays import-free; intervals are short
enough that a job lost between commit and broker is picked up within a minute or two.
"""

from typing import Any


def beat_schedule() -> dict[str, dict[str, Any]]:
    return {
        "mail-flush-outbox": {
            "task": "mail.flush_outbox",
            "schedule": 60.0,
            "options": {"queue": "notifications", "expires": 55},
        },
    }
