"""Structured logs: one JSON object per line, with the request id bound per request.

Our own log calls take structlog's fast path (a level-filtering logger, orjson, bytes
straight to stderr): the access log is written for every request, so its cost matters.
Standard-library loggers (uvicorn, Celery, SQLAlchemy) go through a formatter with the
same processors, so every line has the same shape.
"""

import logging
import sys

import orjson
import structlog
from structlog.types import Processor


def _orjson_dumps(value: object, **_: object) -> bytes:
    return orjson.dumps(value, default=str)


def _console_renderer() -> structlog.dev.ConsoleRenderer:
    """Readable lines for development, with plain tracebacks.

    Rich's tracebacks print every frame's local variables, which may hold passwords and
    tokens, and rendering one through asyncpg and SQLAlchemy took over 20 s on a loaded
    machine, long enough to stall a test (or a fault drill) that provokes errors.
    """
    return structlog.dev.ConsoleRenderer(
        colors=sys.stderr.isatty(),
        exception_formatter=structlog.dev.plain_traceback,
    )


def configure_logging(level: str = "INFO", *, json: bool = True) -> None:
    level_number = logging.getLevelNamesMapping().get(level.upper(), logging.INFO)
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    if json:
        structlog.configure(
            processors=[
                *shared,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer(serializer=_orjson_dumps),
            ],
            logger_factory=structlog.BytesLoggerFactory(sys.stderr.buffer),
            wrapper_class=structlog.make_filtering_bound_logger(level_number),
            cache_logger_on_first_use=True,
        )
    else:
        structlog.configure(
            processors=[*shared, _console_renderer()],
            logger_factory=structlog.PrintLoggerFactory(sys.stderr),
            wrapper_class=structlog.make_filtering_bound_logger(level_number),
            cache_logger_on_first_use=True,
        )
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            structlog.processors.format_exc_info
            if json
            else structlog.processors.ExceptionRenderer(),
            structlog.processors.JSONRenderer() if json else _console_renderer(),
        ],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level_number)
    # Our middleware writes the access log; uvicorn's own would duplicate it.
    logging.getLogger("uvicorn.access").disabled = True
    for name in ("uvicorn", "uvicorn.error", "celery"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
