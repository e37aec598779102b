"""OpenTelemetry tracing, switched on only when an OTLP endpoint is configured.

With no endpoint nothing is instrumented, so tracing costs nothing by default.
"""

from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncEngine


def _provider(service_name: str, endpoint: str) -> None:
    from opentelemetry import trace
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
    from opentelemetry.sdk.resources import Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    provider = TracerProvider(resource=Resource.create({"service.name": service_name}))
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)


def configure_api_tracing(app: FastAPI, *, service_name: str, endpoint: str | None) -> bool:
    """Instrument FastAPI, Redis and httpx; `False` when disabled."""
    if not endpoint:
        return False
    from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
    from opentelemetry.instrumentation.httpx import HTTPXClientInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor

    _provider(service_name, endpoint)
    FastAPIInstrumentor.instrument_app(app, excluded_urls="healthz,readyz,metrics")
    RedisInstrumentor().instrument()
    HTTPXClientInstrumentor().instrument()
    return True


def instrument_engine(engine: AsyncEngine, *, endpoint: str | None) -> None:
    """Trace SQL statements of `engine` (created at startup, after the app)."""
    if not endpoint:
        return
    from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

    SQLAlchemyInstrumentor().instrument(engine=engine.sync_engine)


def configure_worker_tracing(*, service_name: str, endpoint: str | None) -> bool:
    """Instrument Celery (and Redis) in a worker process; `False` when disabled."""
    if not endpoint:
        return False
    from opentelemetry.instrumentation.celery import CeleryInstrumentor
    from opentelemetry.instrumentation.redis import RedisInstrumentor

    _provider(f"{service_name}-worker", endpoint)
    CeleryInstrumentor().instrument()  # type: ignore[no-untyped-call]
    RedisInstrumentor().instrument()
    return True
