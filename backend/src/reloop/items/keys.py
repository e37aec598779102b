"""Cache keys of listings, shared by the readers and the writers that invalidate them."""

import uuid


def item_cache_key(item_id: uuid.UUID) -> str:
    return f"item:{item_id}"
