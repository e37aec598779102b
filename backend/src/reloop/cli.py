"""The `reloop` command: run everything, or one process at a time, plus operations tools."""

import asyncio
import json
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reloop.config import Settings, get_settings

if TYPE_CHECKING:
    from reloop.demo.seed import DemoReport
    from reloop.kit.db import Database

app = typer.Typer(help="Reloop: a social marketplace for second-hand goods.", no_args_is_help=True)
services_app = typer.Typer(help="Embedded PostgreSQL and Redis, for development.")
app.add_typer(services_app, name="services")
admin_app = typer.Typer(help="Staff accounts.")
app.add_typer(admin_app, name="admin")


def _data_dir() -> Path:
    path = get_settings().data_dir.resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _configured_settings() -> Settings:
    """Settings with embedded servers from `reloop services up` adopted when unconfigured."""
    from reloop.runtime.services import adopt_recorded_services

    get_settings.cache_clear()
    adopt_recorded_services(_data_dir())
    get_settings.cache_clear()
    return get_settings()


@app.command()
def run(
    port: Annotated[int | None, typer.Option(help="Port (default RELOOP_PORT or 8000).")] = None,
    demo: Annotated[bool, typer.Option(help="Load demo data on the first start.")] = False,
) -> None:
    """Everything on one machine: embedded services when unconfigured, API, worker, beat."""
    from reloop.observability.logging import configure_logging
    from reloop.runtime.embedded import EmbeddedServiceError, free_port, wait_for_port
    from reloop.runtime.migrate import upgrade
    from reloop.runtime.services import start_missing_services
    from reloop.runtime.supervisor import Supervisor

    settings = get_settings()
    if demo and settings.is_production:
        typer.echo("--demo is for development installs, never production.", err=True)
        raise typer.Exit(2)
    configure_logging(settings.log_level, json=settings.log_json)
    _data_dir()
    started = start_missing_services(settings)
    env = {**os.environ, **started.env}
    if port is not None:
        env["RELOOP_PORT"] = str(port)
    sink_port = None if settings.smtp_url else free_port()
    if sink_port is not None:
        env["RELOOP_SMTP_URL"] = f"smtp://127.0.0.1:{sink_port}"
    exit_code = 1
    try:
        upgrade(started.env.get("RELOOP_DATABASE_URL") or settings.database_url or "")
        if demo:
            _load_demo(
                started.env.get("RELOOP_DATABASE_URL") or settings.database_url or "",
                started.env.get("RELOOP_REDIS_URL") or settings.redis_url or "",
            )
        supervisor = Supervisor(env)
        if sink_port is not None:
            # Mail is background work, like the worker that sends it.
            sink = ["dev-mail-sink", "--port", str(sink_port)]
            supervisor.spawn("mail", sink, nice=settings.background_nice)
            if not wait_for_port(sink_port, 30):
                supervisor.stop_children()
                raise EmbeddedServiceError("the development SMTP sink did not start")
        supervisor.spawn("api", ["api"])
        supervisor.spawn("worker", ["worker"], nice=settings.background_nice)
        supervisor.spawn("beat", ["beat"], nice=settings.background_nice)
        listen_port = env.get("RELOOP_PORT", str(settings.port))
        typer.echo(f"Reloop is starting at http://localhost:{listen_port} (Ctrl-C stops it)")
        exit_code = supervisor.wait()
    finally:
        started.stop()
    raise typer.Exit(exit_code)


def _load_demo(database_url: str, redis_url: str) -> None:
    from reloop.demo.seed import DEMO_PASSWORD, load_demo_data
    from reloop.kit.cache import Cache
    from reloop.kit.redis import GuardedRedis, create_redis
    from reloop.kit.storage import create_storage

    settings = get_settings()
    # The same storage the API serves media from (see app.py's lifespan).
    storage = create_storage(
        settings.storage_url,
        data_dir=settings.data_dir.resolve(),
        secret=settings.secret_key.get_secret_value(),
        media_base_url=settings.media_base_url,
    )

    async def load() -> "DemoReport":
        # The API's cache: the demo's purchases drop the item pages they sold.
        redis = GuardedRedis(create_redis(redis_url, timeout_s=settings.redis_timeout_s))
        try:
            async with _database(database_url) as db:
                cache = Cache(redis, default_ttl_s=settings.cache_default_ttl_s)
                return await load_demo_data(db, storage, cache, settings)
        finally:
            await redis.close()

    report = asyncio.run(load())
    if report.members:
        typer.echo(f"Demo members created: {', '.join(report.members)}")
    if report.listings or report.avatars:
        typer.echo(
            f"Demo listings created: {report.listings} "
            f"({report.photos} photos, {report.avatars} avatars)"
        )
    social = report.social
    if social.follows or social.likes or social.comments:
        typer.echo(
            f"Demo activity added: {social.follows} follows, {social.likes} likes, "
            f"{social.saves} saves, {social.comments} comments"
        )
    if report.commerce.orders:
        typer.echo(
            f"Demo trade added: {report.commerce.orders} orders, {report.commerce.reviews} reviews"
        )
    typer.echo(f"Demo accounts sign in as <username>@example.com / {DEMO_PASSWORD}")


@asynccontextmanager
async def _database(url: str) -> AsyncIterator["Database"]:
    from reloop.kit.db import Database, create_engine

    db = Database(create_engine(url))
    try:
        yield db
    finally:
        await db.dispose()


@admin_app.command("create")
def admin_create(
    email: Annotated[str, typer.Option(prompt=True, help="The admin's email address.")],
    username: Annotated[str, typer.Option(prompt=True, help="The admin's username.")],
    password: Annotated[str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True)],
) -> None:
    """Create a verified admin account (the first one, or another)."""
    from reloop.auth.admin import create_member
    from reloop.auth.policy import PolicyError
    from reloop.kit.errors import AppError
    from reloop.models.user import Role

    settings = _configured_settings()
    if not settings.database_url:
        typer.echo("No database: set RELOOP_DATABASE_URL or run `reloop services up`.", err=True)
        raise typer.Exit(2)
    url = settings.database_url

    async def create() -> str:
        async with _database(url) as db, db.transaction() as session:
            user = await create_member(
                session, email=email, username=username, password=password, role=Role.admin
            )
            return user.username

    try:
        created = asyncio.run(create())
    except (PolicyError, AppError) as exc:
        typer.echo(f"Not created: {exc}", err=True)
        raise typer.Exit(1) from exc
    typer.echo(f"Admin {created} created.")


@app.command()
def api(
    reload: Annotated[bool, typer.Option(help="Restart on code changes (development).")] = False,
) -> None:
    """The HTTP API (uvicorn with uvloop and httptools)."""
    import uvicorn

    settings = _configured_settings()
    uvicorn.run(
        "reloop.app:create_app",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=None if reload else settings.api_workers,
        reload=reload,
        loop="uvloop",
        http="httptools",
        log_config=None,
        access_log=False,
        proxy_headers=True,
        server_header=False,
        timeout_graceful_shutdown=10,
    )


@app.command()
def worker(
    queues: Annotated[
        str, typer.Option(help="Comma-separated queues.")
    ] = "default,media,notifications,low",
) -> None:
    """A Celery worker consuming the given queues."""
    settings = _configured_settings()
    from reloop.workers.app import celery_app

    celery_app.worker_main(
        [
            "worker",
            "--queues",
            queues,
            "--concurrency",
            str(settings.worker_concurrency),
            "--loglevel",
            settings.log_level,
            "--hostname",
            "reloop@%h",
            "--without-mingle",
            "--without-gossip",
        ]
    )


@app.command("dev-mail-sink", hidden=True)
def dev_mail_sink(port: Annotated[int, typer.Option(help="Port on 127.0.0.1.")]) -> None:
    """The development SMTP server `reloop run` starts when no SMTP is configured."""
    from reloop.runtime.smtp_sink import serve

    serve(_configured_settings().data_dir.resolve(), port)


@app.command()
def beat() -> None:
    """The Celery beat scheduler (run exactly one)."""
    settings = _configured_settings()
    from reloop.workers.app import celery_app

    schedule = settings.data_dir.resolve() / "celerybeat-schedule"
    celery_app.start(["beat", "--schedule", str(schedule), "--loglevel", settings.log_level])


@app.command()
def migrate(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply database migrations up to `revision`."""
    from reloop.runtime.migrate import upgrade

    settings = _configured_settings()
    if not settings.database_url:
        typer.echo("No database: set RELOOP_DATABASE_URL or run `reloop services up`.", err=True)
        raise typer.Exit(2)
    upgrade(settings.database_url, revision)
    typer.echo(f"Database migrated to {revision}.")


@services_app.command("up")
def services_up() -> None:
    """Start embedded PostgreSQL and Redis in the data directory and print their URLs."""
    from reloop.runtime.migrate import upgrade
    from reloop.runtime.services import start_missing_services

    started = start_missing_services(get_settings())
    if "RELOOP_DATABASE_URL" in started.env:
        upgrade(started.env["RELOOP_DATABASE_URL"])
    for key, value in started.env.items():
        typer.echo(f"{key}={value}")


@services_app.command("down")
def services_down() -> None:
    """Stop the embedded servers of the data directory."""
    from reloop.runtime.services import stop_embedded_services

    stop_embedded_services(_data_dir())
    typer.echo("Embedded services stopped.")


@services_app.command("status")
def services_status() -> None:
    """Whether the embedded servers of the data directory are running."""
    from reloop.runtime.embedded import EmbeddedPostgres, EmbeddedRedis

    data_dir = _data_dir()
    pg_port = EmbeddedPostgres(data_dir).running_port()
    redis_pid = EmbeddedRedis(data_dir).running_pid()
    typer.echo(f"postgres: {'running on port ' + str(pg_port) if pg_port else 'stopped'}")
    typer.echo(f"redis:    {'running (pid ' + str(redis_pid) + ')' if redis_pid else 'stopped'}")


@app.command()
def doctor() -> None:
    """What this install connects to, and whether each service answers."""
    from reloop.runtime.doctor import diagnose

    settings = _configured_settings()
    healthy = asyncio.run(diagnose(settings, typer.echo))
    raise typer.Exit(0 if healthy else 1)


@app.command()
def seed(
    bench: Annotated[
        str, typer.Option(help="Benchmark data set: small (1k members) or 1m (100k members).")
    ] = "small",
) -> None:
    """Load benchmark data (COPY-based) into the configured, migrated database."""
    import time

    from reloop.benchdata import SIZES
    from reloop.benchdata import seed as seed_bench

    if bench not in SIZES:
        typer.echo(f"Unknown size {bench!r}; choose from {', '.join(SIZES)}.", err=True)
        raise typer.Exit(2)
    settings = _configured_settings()
    if not settings.database_url:
        typer.echo("No database: set RELOOP_DATABASE_URL or run `reloop services up`.", err=True)
        raise typer.Exit(2)
    started = time.monotonic()

    def progress(what: str, done: int, total: int) -> None:
        count = f"{done:,}/{total:,}" if total else f"{done:,}"
        typer.echo(f"  {time.monotonic() - started:7.1f} s  {what}: {count}")

    spec = asyncio.run(seed_bench(settings.database_url, bench, progress))
    typer.echo(
        f"Seeded {spec.members:,} members (and 3 bench members), {spec.items:,} listings, "
        f"{spec.follows:,} follows, {spec.likes:,} likes, {spec.saves:,} saves and "
        f"{spec.comments:,} comments in {time.monotonic() - started:.0f} s."
    )


@app.command()
def openapi(
    output: Annotated[Path | None, typer.Option(help="File to write (default: stdout).")] = None,
) -> None:
    """Print or write the OpenAPI document."""
    from reloop.app import create_app

    document = json.dumps(create_app().openapi(), indent=2, sort_keys=False) + "\n"
    if output is None:
        sys.stdout.write(document)
    else:
        output.write_text(document)


def main() -> None:
    app()
