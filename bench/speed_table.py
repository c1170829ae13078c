"""Print issue 23's speed table again: each figure measured now, beside its goal.

    .venv/bin/python bench/speed_table.py [--runs 3] [--localstack] [--ci] [--only ROW ...]

Rows (``--only`` picks some; the last two run only when asked, being long and heavy):

- ``sqs``: ``pytest labs/sqs``, cold (a fresh interpreter, moto started in it), median
  of ``--runs``; goal 2 s.
- ``topics``: every topic the same way; the slowest three, and how many are within 3 s.
- ``labs``: ``pytest labs -n 2`` on moto; goal 15 s.
- ``tests``: ``pytest tests -n 2``, the harness's own tests with the blank check of
  every lab; goal 45 s.
- ``localstack``: ``pytest labs --backend localstack`` as ``make test`` runs it, against
  the ``labs`` row's moto wall; goal 2x. LocalStack is started in host mode if it does
  not run, and stopped after.
- ``ci``: ``.ci/run`` on a fresh clone of this checkout's HEAD, setup included (the
  caches outside the clone stay warm, as on the CI machine); goal 240 s.

Each figure is a wall time with the CPU seconds it took beside it: the wall grows with
the machine's load, the CPU time hardly does. The load average is printed before and
after, and so is the machine's speed (``timing.machine_gauge``), which moves every
figure, CPU seconds too: a table is read with both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from timing import ROOT, XDIST, Timing, machine_gauge, pytest_command, timed

from harness.launcher import localstack as launcher

ROWS = ("sqs", "topics", "labs", "tests", "localstack", "ci")
ASKED_FOR = {"localstack", "ci"}  # heavy: only with --localstack / --ci / --only
TOPIC_GOAL = 3.0


def load() -> str:
    return " ".join(f"{figure:.1f}" for figure in os.getloadavg())


def median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings), statistics.median(t.cpu for t in timings)
    )


def cold(target: str, runs: int) -> Timing:
    return median([timed(pytest_command(target)) for _ in range(runs)])


def seconds(timing: Timing) -> str:
    return f"{timing.wall:.1f} s (cpu {timing.cpu:.1f} s)"


def topics() -> list[str]:
    return sorted(p.name for p in (ROOT / "labs").iterdir() if (p / "README.md").is_file())


def localstack_workers() -> str:
    """The worker count ``make test`` gives the LocalStack leg (one place: the Makefile)."""
    for line in (ROOT / "Makefile").read_text().splitlines():
        if line.startswith("LOCALSTACK_WORKERS"):
            return line.split("=", 1)[1].strip()
    return "4"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, bool]] = []

    def add(self, what: str, now: str, goal: str, met: bool) -> None:
        self.rows.append((what, now, goal, met))
        print(f"  measured: {what}: {now}", flush=True)

    def print(self) -> None:
        widths = [max(len(row[i]) for row in self.rows) for i in range(3)]
        print(f"| {'what':{widths[0]}} | {'now':{widths[1]}} | {'goal':{widths[2]}} | met |")
        print(f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}|{'-' * (widths[2] + 2)}|-----|")
        for what, now, goal, met in self.rows:
            mark = "yes" if met else "no"
            print(f"| {what:{widths[0]}} | {now:{widths[1]}} | {goal:{widths[2]}} | {mark:3} |")


def measure_ci() -> Timing:
    with tempfile.TemporaryDirectory(prefix="awslab-ci-") as folder:
        clone = Path(folder) / "awslab"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        return timed([str(clone / ".ci" / "run")], cwd=clone, env={"CI": "true"})


def measure_localstack(moto: Timing | None, table: Table) -> None:
    was_running = launcher.status().running
    if not was_running:
        launcher.up(docker=False, echo=lambda line: None)
    try:
        workers = localstack_workers()
        leg = timed(pytest_command("labs", "--backend", "localstack", "-n", workers, *XDIST))
    finally:
        if not was_running:
            launcher.down(echo=lambda line: None)
    if moto is None:
        moto = timed(pytest_command("labs", "-n", "2", *XDIST))
    ratio = leg.wall / moto.wall
    now = f"{ratio:.1f}x ({leg.wall:.0f} s with -n {workers}, cpu {leg.cpu:.0f} s)"
    table.add("the LocalStack leg vs moto, same labs", now, "<= 2x", ratio <= 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="cold runs per topic (median)")
    parser.add_argument("--localstack", action="store_true", help="add the LocalStack row")
    parser.add_argument("--ci", action="store_true", help="add the .ci/run row (minutes)")
    parser.add_argument("--only", nargs="+", choices=ROWS, metavar="ROW", help=", ".join(ROWS))
    options = parser.parse_args()
    rows = set(options.only or set(ROWS) - ASKED_FOR)
    rows |= {"localstack"} if options.localstack else set()
    rows |= {"ci"} if options.ci else set()
    print(f"load average before: {load()} ({os.cpu_count()} cores)", flush=True)
    print(f"machine gauge before: {machine_gauge():.2f} s", flush=True)
    table = Table()
    if "sqs" in rows:
        sqs = cold("labs/sqs", options.runs)
        table.add("`pytest labs/sqs`", seconds(sqs), "<= 2.0 s", sqs.wall <= 2.0)
    if "topics" in rows:
        walls = {}
        for topic in topics():
            walls[topic] = cold(f"labs/{topic}", options.runs)
            print(f"    labs/{topic}: {seconds(walls[topic])}", flush=True)
        slowest = sorted(walls, key=lambda t: walls[t].wall, reverse=True)
        within = sum(t.wall <= TOPIC_GOAL for t in walls.values())
        now = ", ".join(f"{t} {walls[t].wall:.1f} s (cpu {walls[t].cpu:.1f})" for t in slowest[:3])
        now += f"; {within} of {len(walls)} within {TOPIC_GOAL:.0f} s"
        table.add("slowest topics", now, "every topic <= 3 s", within == len(walls))
    moto = None
    if "labs" in rows:
        moto = timed(pytest_command("labs", "-n", "2", *XDIST))
        table.add("all labs on moto, `-n 2`", seconds(moto), "<= 15 s", moto.wall <= 15)
    if "tests" in rows:
        tests = timed(pytest_command("tests", "-n", "2", *XDIST))
        table.add("the harness's own tests, `-n 2`", seconds(tests), "<= 45 s", tests.wall <= 45)
    if "localstack" in rows:
        measure_localstack(moto, table)
    if "ci" in rows:
        if shutil.which("make") is None:
            raise SystemExit("the ci row needs make")
        ci = measure_ci()
        table.add("`.ci/run` on a fresh clone", seconds(ci), "<= 240 s", ci.wall <= 240)
    print(f"load average after: {load()}")
    print(f"machine gauge after: {machine_gauge():.2f} s")
    table.print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
