"""`create_app()`: the FastAPI application, its middleware, routers and lifespan."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI

from reloop import __version__
from reloop.auth.me_router import router as me_router
from reloop.auth.router import jwks_router
from reloop.auth.router import router as auth_router
from reloop.cart.router import router as cart_router
from reloop.checkout.router import router as checkout_router
from reloop.config import Settings, get_settings
from reloop.feed.router import HOT_ROUTES as FEED_HOT_ROUTES
from reloop.feed.router import router as feed_router
from reloop.items.router import HOT_ROUTES as ITEM_HOT_ROUTES
from reloop.items.router import router as items_router
from reloop.kit.cache import Cache
from reloop.kit.db import Database, PoolSettings, connect_args, create_engine
from reloop.kit.errors import ErrorEnvelope
from reloop.kit.exception_handlers import install_exception_handlers
from reloop.kit.hot_reads import HotReadPool
from reloop.kit.hot_routes import HotRoutesMiddleware
from reloop.kit.http import BodyLimitMiddleware, JsonOnlyMiddleware
from reloop.kit.jobs import JobGate
from reloop.kit.ratelimit import RateLimiter
from reloop.kit.redis import GuardedRedis, create_redis
from reloop.kit.security.headers import OriginCheckMiddleware, SecurityHeadersMiddleware
from reloop.kit.security.jwt_keys import SigningKeys
from reloop.kit.storage import create_storage
from reloop.mail.router import router as dev_mail_router
from reloop.media.router import files_router as media_files_router
from reloop.media.router import router as media_router
from reloop.notifications.live import LiveHub
from reloop.notifications.router import router as notifications_router
from reloop.observability.logging import configure_logging
from reloop.observability.metrics import ApiMetrics
from reloop.observability.middleware import RequestContextMiddleware
from reloop.observability.tracing import configure_api_tracing, instrument_engine
from reloop.ops.router import router as ops_router
from reloop.orders.earnings import router as earnings_router
from reloop.orders.router import router as orders_router
from reloop.orders.webhooks import router as payment_webhooks_router
from reloop.reviews.router import router as reviews_router
from reloop.search.router import router as search_router
from reloop.social.comments_router import router as comments_router
from reloop.social.router import router as social_router
from reloop.taxonomy.router import router as taxonomy_router
from reloop.users.router import router as users_router
from reloop.web import default_frontend_dist, mount_api_docs, mount_spa

API_PREFIX = "/api/v1"

# Every operation can answer these, in the envelope; documenting them once replaces
# FastAPI's default 422 schema, which is not what the API sends.
COMMON_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {
        "model": ErrorEnvelope,
        "description": "`malformed_json`, `invalid_cursor`, ...: the request cannot be read.",
    },
    422: {"model": ErrorEnvelope, "description": "`validation_failed`: a field is not valid."},
    500: {"model": ErrorEnvelope, "description": "`internal_error`: logged with the request id."},
}


# Every `/api/v1` router, in one place. They are included into the app directly, not
# through a parent router: each level of nesting is matched again on every request.
# Routes are matched one by one in this order, so the most requested come first (this
# took the home feed's matching from 0.15 to 0.03 ms a request); no two routes share a
# method and a path, so the order decides nothing else (`tests/ops/test_routing.py`).
API_ROUTERS = (
    feed_router,
    items_router,
    search_router,
    notifications_router,
    social_router,
    comments_router,
    users_router,
    taxonomy_router,
    me_router,
    cart_router,
    auth_router,
    checkout_router,
    orders_router,
    earnings_router,
    reviews_router,
    media_router,
    payment_webhooks_router,
)

# The hottest reads, served by the innermost middleware ahead of FastAPI's router when
# plainly valid (`kit.hot_routes`: about 150 µs of CPU less a request). Each is also a
# route of its router above, for the OpenAPI document and every other request.
HOT_ROUTES = tuple(route.under(API_PREFIX) for route in (*FEED_HOT_ROUTES, *ITEM_HOT_ROUTES))


def create_app(
    settings: Settings | None = None, *, extra_routers: tuple[APIRouter, ...] = ()
) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level, json=settings.log_json)
    metrics = ApiMetrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if not settings.database_url or not settings.redis_url:
            raise RuntimeError(
                "RELOOP_DATABASE_URL and RELOOP_REDIS_URL are required "
                "(`reloop run` starts embedded servers and sets them for you)"
            )
        pool = PoolSettings(
            size=settings.db_pool_size,
            max_overflow=settings.db_max_overflow,
            timeout_s=settings.db_pool_timeout_s,
            statement_timeout_ms=settings.db_statement_timeout_ms,
        )
        engine = create_engine(settings.database_url, pool)
        metrics.bind_engine(engine)
        instrument_engine(engine, endpoint=settings.otlp_endpoint)
        traced = bool(settings.otlp_endpoint)  # SQL traced through SQLAlchemy only
        hot_reads = (
            None
            if traced
            else await HotReadPool.open(
                engine,
                connect_args(pool),
                size=settings.db_read_pool_size,
                timeout_s=settings.db_pool_timeout_s,
            )
        )
        redis = GuardedRedis(create_redis(settings.redis_url, timeout_s=settings.redis_timeout_s))
        app.state.settings = settings
        app.state.db = Database(
            engine, gate=JobGate(redis), driver_reads=not traced, hot_reads=hot_reads
        )
        app.state.redis = redis
        app.state.cache = Cache(redis, default_ttl_s=settings.cache_default_ttl_s)
        app.state.rate_limiter = RateLimiter(redis)
        app.state.metrics = metrics
        app.state.storage = create_storage(
            settings.storage_url,
            data_dir=settings.data_dir.resolve(),
            secret=settings.secret_key.get_secret_value(),
            media_base_url=settings.media_base_url,
        )
        app.state.signing_keys = SigningKeys.from_directory(
            settings.signing_keys_dir, create=not settings.is_production
        )
        app.state.live_hub = LiveHub(settings.redis_url)
        if settings.gc_freeze:
            # Modules, routes, schemas and pools live as long as the process: collecting
            # once and freezing them leaves full collections only the requests' garbage.
            gc.collect()
            gc.freeze()
        try:
            yield
        finally:
            await app.state.live_hub.close()
            await redis.close()
            await app.state.db.dispose()

    app = FastAPI(
        title="Reloop API",
        version=__version__,
        summary="A social marketplace for second-hand goods.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        responses=COMMON_ERROR_RESPONSES,
        generate_unique_id_function=lambda route: route.name,
        # Tracing is ours (`observability.tracing`, when an OTLP endpoint is set): FastAPI's
        # own would trace each request a second time, and asking whether it is configured
        # cost about 10 µs of every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    install_exception_handlers(app)
    # Added first, so innermost: every middleware below applies to the hot routes too.
    app.add_middleware(HotRoutesMiddleware, routes=HOT_ROUTES)
    app.add_middleware(
        JsonOnlyMiddleware, prefix=f"{API_PREFIX}/", exempt=[f"{API_PREFIX}/storage/"]
    )
    app.add_middleware(
        OriginCheckMiddleware, trusted_origins=[settings.public_url], prefix=f"{API_PREFIX}/"
    )
    app.add_middleware(
        BodyLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        overrides={f"{API_PREFIX}/storage/": settings.media_max_upload_bytes},
    )
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.is_production)
    app.add_middleware(RequestContextMiddleware, metrics=metrics)

    app.include_router(ops_router)
    app.include_router(jwks_router)
    app.include_router(media_files_router)
    for router in (*API_ROUTERS, *extra_routers):
        app.include_router(router, prefix=API_PREFIX)
    if not settings.is_production:
        app.include_router(dev_mail_router)
    dist = settings.frontend_dist or default_frontend_dist()
    mount_spa(app, dist)
    mount_api_docs(app, dist, path="/api/docs", openapi_url=f"{API_PREFIX}/openapi.json")
    configure_api_tracing(app, service_name=settings.service_name, endpoint=settings.otlp_endpoint)
    return app
