"""What the bench scripts share: timing a lab run in a fresh interpreter."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Timing:
    """One command's wall seconds, and the CPU seconds it and its children used.

    The CPU seconds hardly change with the machine's load, the wall does: a figure
    taken on a busy machine is read with both.
    """

    wall: float
    cpu: float


def timed(command: Sequence[str], cwd: Path = ROOT, env: dict | None = None) -> Timing:
    """Run ``command`` to the end (it must succeed); its wall and CPU seconds.

    With Python's default of caching compiled modules, as on a student's machine and
    under ``make``: a PYTHONDONTWRITEBYTECODE of this shell's is not passed on.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    environment = {**os.environ, **(env or {})}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    finished = subprocess.run(
        list(command), cwd=cwd, capture_output=True, text=True, env=environment
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if finished.returncode != 0:
        tail = "\n".join((finished.stdout + finished.stderr).splitlines()[-15:])
        raise SystemExit(f"{' '.join(command)} failed (exit {finished.returncode}):\n{tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def machine_gauge(runs: int = 3) -> float:
    """CPU seconds a fixed pure-Python loop takes here now (the least of ``runs``).

    The same work every time: what it takes says how fast this machine is at the
    moment. The 2-core machine these tables were measured on changes speed by up to
    a third within an hour, with nothing else running, and every figure of a table
    moves with it: a table is read with its gauge, and two figures compared only at
    close gauges.
    """
    taken = []
    for _ in range(runs):
        started = time.process_time()
        sum(i * i % 7 for i in range(2_000_000))
        taken.append(time.process_time() - started)
    return min(taken)


#: How ``make`` runs pytest-xdist: an idle worker takes tests not yet started from another.
XDIST = ("--dist", "worksteal")


def pytest_command(*arguments: str) -> list[str]:
    """``pytest ARGUMENTS`` in a fresh interpreter, in a fixed order."""
    return [sys.executable, "-m", "pytest", *arguments, "-q", "-p", "no:randomly"]


def cold_pytest_runs(target: str, runs: int) -> list[float]:
    """Wall seconds of ``pytest target``, each run in a new process (imports, server start)."""
    return [timed(pytest_command(target)).wall for _ in range(runs)]
