"""Search jobs: the typo vocabulary and the saved-search alert emails."""

from reloop.search.alerts import send_saved_search_emails
from reloop.search.terms import refresh_terms
from reloop.workers.base import async_task
from reloop.workers.runtime import TaskContext


@async_task("search.refresh_terms")
async def refresh_terms_task(context: TaskContext) -> int:
    return await refresh_terms(context.db)


@async_task("search.email_alerts")
async def email_alerts_task(context: TaskContext) -> int:
    return await send_saved_search_emails(context.db)
