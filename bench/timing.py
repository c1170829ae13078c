"""What the bench scripts share: timing a lab run in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cold_pytest_runs(target: str, runs: int) -> list[float]:
    """Wall seconds of ``pytest target``, each run in a new process (imports, server start)."""
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pytest", target, "-q", "-p", "no:randomly"],
            cwd=ROOT, check=True, capture_output=True,
        )  # fmt: skip
        timings.append(time.perf_counter() - started)
    return timings
