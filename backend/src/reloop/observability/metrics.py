"""Prometheus metrics for the API process.

Request latency by route *template* (never raw paths, which would explode cardinality),
in-flight requests, database pool use, and Celery task outcomes read from Redis.
"""

from collections.abc import Iterable, Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy.ext.asyncio import AsyncEngine
from sqlalchemy.pool import QueuePool


class ApiMetrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.request_duration = Histogram(
            "reloop_http_request_duration_seconds",
            "HTTP request latency by route template.",
            ["method", "route", "status"],
            buckets=(0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
            registry=self.registry,
        )
        self.requests_in_flight = Gauge(
            "reloop_http_requests_in_flight", "Requests being handled.", registry=self.registry
        )
        self.errors = Counter(
            "reloop_http_unhandled_errors_total",
            "Requests that ended in an unhandled exception.",
            ["route"],
            registry=self.registry,
        )

    def bind_engine(self, engine: AsyncEngine) -> None:
        self.registry.register(_PoolCollector(engine))

    def render(self, task_outcomes: Mapping[tuple[str, str], int]) -> bytes:
        extra = CollectorRegistry()
        extra.register(_TaskOutcomeCollector(task_outcomes))
        return generate_latest(self.registry) + generate_latest(extra)


class _PoolCollector(Collector):
    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    def collect(self) -> Iterable[Metric]:
        pool = self.engine.sync_engine.pool
        if not isinstance(pool, QueuePool):
            return
        gauge = GaugeMetricFamily("reloop_db_pool_connections", "DB pool use.", labels=["state"])
        gauge.add_metric(["checked_out"], pool.checkedout())
        gauge.add_metric(["idle"], pool.checkedin())
        gauge.add_metric(["overflow"], max(pool.overflow(), 0))
        gauge.add_metric(["size"], pool.size())
        yield gauge


class _TaskOutcomeCollector(Collector):
    def __init__(self, outcomes: Mapping[tuple[str, str], int]) -> None:
        self.outcomes = outcomes

    def collect(self) -> Iterable[Metric]:
        counter = CounterMetricFamily(
            "reloop_celery_task_outcomes", "Celery task outcomes.", labels=["task", "outcome"]
        )
        for (task, outcome), value in sorted(self.outcomes.items()):
            counter.add_metric([task, outcome], value)
        yield counter
