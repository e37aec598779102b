"""Operations endpoints, outside `/api/v1`: liveness, readiness, metrics."""

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from reloop.kit.deps import RedisDep, SettingsDep
from reloop.kit.redis import RedisUnavailable
from reloop.observability.metrics import ApiMetrics
from reloop.ops.schemas import Health, Readiness
from reloop.ops.service import check_readiness
from reloop.workers.signals import TASK_OUTCOMES_KEY

router = APIRouter(tags=["operations"])


@router.get("/healthz", response_model=Health, summary="The process is alive")
async def healthz() -> Health:
    return Health()


@router.get(
    "/readyz",
    response_model=Readiness,
    summary="Database, Redis and broker answer",
    responses={503: {"model": Readiness, "description": "A dependency is down."}},
)
async def readyz(request: Request, settings: SettingsDep, redis: RedisDep) -> JSONResponse:
    readiness = await check_readiness(
        request.app.state.db,
        redis,
        settings.effective_broker_url,
        settings.readiness_timeout_s,
    )
    return JSONResponse(
        readiness.model_dump(mode="json"), status_code=200 if readiness.status == "ok" else 503
    )


@router.get("/metrics", include_in_schema=False)
async def metrics(request: Request, redis: RedisDep) -> Response:
    api_metrics: ApiMetrics = request.app.state.metrics
    try:
        raw = await redis.run(lambda r: r.hgetall(TASK_OUTCOMES_KEY))
    except RedisUnavailable:
        raw = {}
    outcomes = {}
    for field, value in raw.items():
        name = field.decode() if isinstance(field, bytes) else field
        task, _, outcome = name.partition("|")
        outcomes[(task, outcome)] = int(value)
    return Response(api_metrics.render(outcomes), media_type="text/plain; version=0.0.4")
