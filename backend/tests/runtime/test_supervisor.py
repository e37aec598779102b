"""The supervisor of `reloop run`: how it starts its children."""

import os
from pathlib import Path

import psutil
import pytest

from reloop.runtime.supervisor import Supervisor


def test_a_child_spawned_with_nice_runs_that_much_below_the_supervisor() -> None:
    supervisor = Supervisor(dict(os.environ))
    supervisor.spawn("help", ["--help"], nice=7)
    child = supervisor.children[0].process
    try:
        # Popen returns once the child has exec'd, after its niceness was set.
        assert psutil.Process(child.pid).nice() == os.nice(0) + 7
    finally:
        child.wait(timeout=30)


@pytest.mark.skipif(
    not Path("/proc/self/autogroup").exists(), reason="the kernel has no autogroups"
)
def test_a_child_spawned_with_nice_has_its_sessions_autogroup_niced_too() -> None:
    supervisor = Supervisor(dict(os.environ))
    supervisor.spawn("help", ["--help"], nice=7)
    child = supervisor.children[0].process
    try:
        # "/autogroup-N nice 7": CPU is shared between sessions before processes.
        assert Path(f"/proc/{child.pid}/autogroup").read_text().split()[-1] == "7"
    finally:
        child.wait(timeout=30)


def test_a_child_spawned_without_nice_runs_at_the_supervisors_priority() -> None:
    supervisor = Supervisor(dict(os.environ))
    supervisor.spawn("help", ["--help"])
    child = supervisor.children[0].process
    try:
        assert psutil.Process(child.pid).nice() == os.nice(0)
    finally:
        child.wait(timeout=30)
