"""`async_task`: Celery tasks whose bodies are coroutines taking a `TaskContext`.

Retries use Celery's exponential backoff with full jitter, capped; only the exception
types a task names as transient are retried, everything else fails loudly.
"""

from collections.abc import Awaitable, Callable
from typing import Concatenate, ParamSpec, TypeVar

from celery import Task

from reloop.workers.app import celery_app
from reloop.workers.runtime import TaskContext, run_in_worker

P = ParamSpec("P")
R = TypeVar("R")


def async_task(
    name: str,
    *,
    retry_on: tuple[type[BaseException], ...] = (),
    max_retries: int = 8,
    backoff_max_s: int = 600,
) -> Callable[[Callable[Concatenate[TaskContext, P], Awaitable[R]]], "Task[P, R]"]:
    """Register `fn(context, *args)` as the Celery task `name` (queue: `workers.app`)."""

    def decorator(fn: Callable[Concatenate[TaskContext, P], Awaitable[R]]) -> "Task[P, R]":
        def run(*args: P.args, **kwargs: P.kwargs) -> R:
            result: R = run_in_worker(fn, *args, **kwargs)
            return result

        run.__name__ = fn.__name__
        run.__doc__ = fn.__doc__
        task: Task[P, R] = celery_app.task(
            name=name,
            autoretry_for=retry_on,
            retry_backoff=2,
            retry_backoff_max=backoff_max_s,
            retry_jitter=True,
            max_retries=max_retries,
        )(run)
        return task

    return decorator
