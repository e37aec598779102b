"""py-spy profiles of the API under a benchmark's load: where one worker's CPU goes.

`sampling(pid, seconds, name)` records the process with py-spy (100 samples a second,
without pausing it, idle threads left out) while the block runs wrk, and writes
`bench/results/profiles/<name>.txt` (the collapsed stacks, one frame per function, which
speedscope and flamegraph tools open) and `<name>.md`: the self time by where the code
lives (ours, SQLAlchemy, asyncpg, pydantic, FastAPI and Starlette, ...) and the functions
with the most samples, by self and by inclusive time.
"""

import subprocess
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from common import RESULTS, ROOT, api_process, wrk_one_path

PY_SPY = ROOT / "backend" / ".venv" / "bin" / "py-spy"
PROFILES = RESULTS / "profiles"
TOP = 25
PROFILE_S = 10  # seconds of an extra run under py-spy, after the measured ones
# Where a frame's code lives, by the first part of its path (py-spy prints paths from
# the import root: `sqlalchemy/engine/base.py`, `asyncio/events.py`).
AREAS = {
    "reloop": "reloop",
    "sqlalchemy": "SQLAlchemy",
    "asyncpg": "asyncpg",
    "pydantic": "pydantic",
    "pydantic_core": "pydantic",
    "fastapi": "FastAPI and Starlette",
    "starlette": "FastAPI and Starlette",
    "uvicorn": "uvicorn and the event loop",
    "asyncio": "uvicorn and the event loop",
    "uvloop": "uvicorn and the event loop",
    "redis": "redis",
    "celery": "Celery and kombu (sending jobs)",
    "kombu": "Celery and kombu (sending jobs)",
    "anyio": "anyio (thread hops)",
    "threading.py": "threads (waiting for work)",
    "concurrent": "threads (waiting for work)",
    "structlog": "logging",
    "logging": "logging",
    "json": "JSON",
    "orjson": "JSON",
}


@dataclass(frozen=True)
class Profile:
    samples: int
    self_top: list[tuple[str, int]]
    inclusive_top: list[tuple[str, int]]
    by_area: list[tuple[str, int]]  # self samples by where the code lives


def _area(frame: str) -> str:
    where = frame.partition(" (")[2]
    return AREAS.get(where.split("/", 1)[0].split(":", 1)[0], "other (stdlib, C extensions)")


def _short(frame: str) -> str:
    """`function (path/inside/site-packages.py)`: no long prefix, no line (one row a function)."""
    head, _, tail = frame.partition(" (")
    where = tail.rstrip(")").rsplit(":", 1)[0]
    for marker in ("site-packages/", "/src/", "/lib/python3"):
        if marker in where:
            where = where.split(marker, 1)[-1]
            break
    return f"{head} ({where})" if tail else head


def _samples(collapsed: str) -> Iterator[tuple[str, int]]:
    """(stack, count) per line of py-spy's collapsed output.

    A non-blocking sample can read a frame's name while the process rewrites it: the
    garbled name may hold control characters (so lines split on newlines only) or break
    the line apart, and a line that does not end in a count is skipped.
    """
    for line in collapsed.split("\n"):
        stack, _, count_text = line.rpartition(" ")
        if stack and count_text.isdigit():
            yield stack, int(count_text)


def by_function(collapsed: str) -> str:
    """The collapsed stacks with one frame per function (no line numbers), merged.

    A flame graph by function reads the same and the file is a fraction of the size.
    """
    merged: Counter[str] = Counter()
    for stack, count in _samples(collapsed):
        merged[";".join(_short(frame) for frame in stack.split(";"))] += count
    return "".join(f"{stack} {count}\n" for stack, count in merged.most_common())


def summarise(collapsed: str) -> Profile:
    """Self and inclusive sample counts per function, from py-spy's collapsed stacks."""
    self_counts: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    areas: Counter[str] = Counter()
    total = 0
    for stack, count in _samples(collapsed):
        frames = stack.split(";")
        total += count
        leaf = frames[-1]
        self_counts[_short(leaf)] += count
        areas[_area(leaf)] += count
        for frame in {_short(f) for f in frames}:
            inclusive[frame] += count
    return Profile(
        samples=total,
        self_top=self_counts.most_common(TOP),
        inclusive_top=inclusive.most_common(TOP),
        by_area=areas.most_common(),
    )


def _markdown(name: str, what: str, profile: Profile) -> str:
    def share(count: int) -> str:
        return f"{100 * count / profile.samples:.1f} %" if profile.samples else "0 %"

    lines = [
        f"# Profile: {name}",
        "",
        (
            f"{what}. {profile.samples:,} samples of the API process on CPU (py-spy, 100 a"
            f" second, idle threads left out). `{name}.txt` beside this file holds the"
            " collapsed stacks."
        ),
        "",
        "## Self time by where the code lives",
        "",
        "| code | samples | share |",
        "|---|---|---|",
        *(f"| {area} | {count:,} | {share(count)} |" for area, count in profile.by_area),
        "",
        f"## Top {TOP} functions by self time",
        "",
        "| function | samples | share |",
        "|---|---|---|",
        *(f"| `{frame}` | {count:,} | {share(count)} |" for frame, count in profile.self_top),
        "",
        f"## Top {TOP} functions by inclusive time",
        "",
        "| function | samples | share |",
        "|---|---|---|",
        *(f"| `{frame}` | {count:,} | {share(count)} |" for frame, count in profile.inclusive_top),
        "",
    ]
    return "\n".join(lines)


@contextmanager
def sampling(pid: int, seconds: int, name: str, what: str) -> Iterator[None]:
    """py-spy records `pid` for `seconds` while the block runs; the profile is written after."""
    PROFILES.mkdir(parents=True, exist_ok=True)
    raw = PROFILES / f"{name}.txt"
    recorder = subprocess.Popen(
        [
            str(PY_SPY),
            "record",
            "--pid",
            str(pid),
            "--duration",
            str(seconds),
            "--rate",
            "100",
            "--nonblocking",
            "--format",
            "raw",
            "--output",
            str(raw),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        yield
    finally:
        recorder.wait(timeout=seconds + 60)
    collapsed = by_function(raw.read_text("utf-8")) if raw.exists() else ""
    raw.write_text(collapsed, "utf-8")
    profile = summarise(collapsed)
    (PROFILES / f"{name}.md").write_text(_markdown(name, what, profile), "utf-8")


def profile_path(
    base_url: str, path: str, name: str, what: str, connections: int, bearer: str | None
) -> None:
    """An extra wrk run of one GET path at `connections`, with the API under py-spy."""
    with sampling(api_process(base_url).pid, PROFILE_S, name, what):
        wrk_one_path(base_url, path, PROFILE_S, connections, bearer=bearer)
