"""`reloop run`: API, worker and beat as one process group, stopped cleanly together.

Children run in their own sessions so a terminal's Ctrl-C reaches only this supervisor,
which then stops them in order (SIGTERM, a grace period, SIGKILL for stragglers and their
descendants) before stopping the embedded servers. If a child dies, everything stops and
the exit code says so: a half-running install is worse than a stopped one.
"""

import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
import structlog

logger = structlog.get_logger(__name__)

_PR_SET_PDEATHSIG = 1
GRACE_PERIOD_S = 20.0


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the supervisor itself is killed (Linux)."""
    os.setsid()
    with contextlib.suppress(OSError):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _lower_priority(nice: int) -> None:
    """In the child, after `setsid`: run `nice` steps below the supervisor.

    With the scheduler's autogroups (Linux's default on desktops and many servers), each
    session is one group and CPU is shared between groups first: a niced process alone in
    its session would still take its group's full share. So the session's autogroup is
    niced too, where there is one.
    """
    os.nice(nice)
    with contextlib.suppress(OSError):
        Path("/proc/self/autogroup").write_text(str(nice))


def _start_child(nice: int) -> Callable[[], None]:
    def start() -> None:
        _die_with_parent()
        if nice:
            _lower_priority(nice)

    return start


@dataclass
class Child:
    name: str
    process: subprocess.Popen[bytes]


class Supervisor:
    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.children: list[Child] = []
        self._stopping = False

    def spawn(self, name: str, command: Sequence[str], *, nice: int = 0) -> None:
        """Start `reloop COMMAND`; `nice` lowers its CPU priority below the supervisor's."""
        process = subprocess.Popen(
            [sys.executable, "-m", "reloop", *command],
            env=self.env,
            preexec_fn=_start_child(nice),  # noqa: PLW1509 (no threads started yet)
        )
        self.children.append(Child(name, process))
        logger.info("supervisor.started", process=name, pid=process.pid, nice=nice)

    def _request_stop(self, signum: int, _frame: object) -> None:
        logger.info("supervisor.stopping", signal=signal.Signals(signum).name)
        self._stopping = True

    def wait(self) -> int:
        """Block until a signal or a child's exit; return the exit code for `reloop run`."""
        signal.signal(signal.SIGINT, self._request_stop)
        signal.signal(signal.SIGTERM, self._request_stop)
        exit_code = 0
        while not self._stopping:
            for child in self.children:
                code = child.process.poll()
                if code is not None:
                    logger.error("supervisor.child_exited", process=child.name, code=code)
                    exit_code = 1
                    self._stopping = True
                    break
            time.sleep(0.25)
        self.stop_children()
        return exit_code

    def stop_children(self) -> None:
        alive = [c for c in self.children if c.process.poll() is None]
        descendants: list[psutil.Process] = []
        for child in alive:
            try:
                descendants += psutil.Process(child.process.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                continue
            child.process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + GRACE_PERIOD_S
        for child in alive:
            try:
                child.process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                logger.warning("supervisor.killing", process=child.name)
                child.process.kill()
                child.process.wait()
        _, still_alive = psutil.wait_procs(descendants, timeout=5)
        for process in still_alive:
            process.kill()
        logger.info("supervisor.stopped")
