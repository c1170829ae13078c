"""Run the harness's tests and every lab again and again on a loaded machine; name the flaky tests.

    .venv/bin/python bench/stress.py [--runs 10] [--load N] [--out DIR] [TARGET ...]

Each run is ``make test``'s moto leg in random order: ``pytest tests labs -n 2
-p randomly`` with a fresh ``--randomly-seed``, while other
processes keep every core busy (``stress-ng --cpu N`` where it is installed,
else one busy Python process per core; the output says which). A test that
passes alone but fails here leans on timing: a wall-time bound, a fixed sleep,
a timeout a slow machine crosses.

Per run: the seed (``pytest --randomly-seed=SEED`` repeats its order), the wall
time and the passed / failed / xfailed / skipped counts, read from its junit xml.
At the end: each test that failed, with the number of runs it failed in. Every
run's output and xml stay in ``--out`` (a new temporary folder by default).
The load processes are stopped on exit, on Ctrl-C and on SIGTERM.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from timing import XDIST

ROOT = Path(__file__).resolve().parent.parent

# One busy process per core, for machines without stress-ng. It stops by itself
# when this script is gone (even killed with SIGKILL, where no cleanup runs).
BUSY_LOOP = """\
import os
parent = os.getppid()
while os.getppid() == parent:
    for _ in range(1_000_000):
        pass
"""


class Load:
    """Processes that keep ``cores`` cores busy until ``stop()``."""

    def __init__(self, cores: int) -> None:
        self.cores = cores
        self.processes: list[subprocess.Popen] = []
        stress_ng = shutil.which("stress-ng")
        if stress_ng:
            self.description = f"stress-ng --cpu {cores}"
            commands = [[stress_ng, "--cpu", str(cores), "--quiet"]]
        else:
            self.description = f"{cores} busy Python processes (stress-ng is not installed)"
            commands = [[sys.executable, "-c", BUSY_LOOP]] * cores
        for command in commands:
            # Their own session: a Ctrl-C in the terminal does not reach them, so
            # they live exactly as long as we say, and killpg reaches stress-ng's
            # own worker processes too.
            self.processes.append(
                subprocess.Popen(
                    command,
                    start_new_session=True,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )

    def stop(self) -> None:
        # SIGTERM first: stress-ng then stops and reaps its own workers.
        for process in self.processes:
            signal_group(process, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                signal_group(process, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def signal_group(process: subprocess.Popen, signum: int) -> None:
    if process.poll() is None:
        try:
            os.killpg(process.pid, signum)
        except ProcessLookupError:
            pass


@dataclass
class Run:
    number: int
    seed: int
    wall: float
    exit_code: int
    passed: int = 0
    skipped: int = 0
    xfailed: int = 0  # the labs' emulator gaps: expected failures
    failed: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (
            f"run {self.number:2}  seed {self.seed:10}  wall {self.wall:6.1f} s  "
            f"passed {self.passed:4}  failed {len(self.failed):3}  "
            f"xfailed {self.xfailed:3}  skipped {self.skipped:3}"
        )
        if self.exit_code not in (0, 1):  # 1: tests failed; anything else: pytest itself did
            text += f"  (pytest exit code {self.exit_code})"
        return text


def nodeid_of(case: ElementTree.Element) -> str:
    """``tests/test_x.py::TestY::test_z[param]`` from a junit ``testcase`` (xunit1)."""
    path = case.get("file", "")
    classname = case.get("classname", "")
    module = path.removesuffix(".py").replace("/", ".")
    parts = [path or classname]
    if path and classname.startswith(module + "."):
        parts.append(classname.removeprefix(module + ".").replace(".", "::"))
    parts.append(case.get("name", ""))
    return "::".join(parts)


def read_junit(path: Path, run: Run) -> None:
    if not path.is_file():
        run.failed.append(f"(no junit xml: pytest exited with {run.exit_code})")
        return
    for case in ElementTree.parse(path).iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            run.failed.append(nodeid_of(case))
        elif (skipped := case.find("skipped")) is not None:
            if skipped.get("type") == "pytest.xfail":
                run.xfailed += 1
            else:
                run.skipped += 1
        else:
            run.passed += 1
    if run.exit_code not in (0, 1) and not run.failed:
        run.failed.append(f"(pytest exited with {run.exit_code})")


def one_run(number: int, targets: list[str], out: Path) -> Run:
    seed = secrets.randbelow(2**32)
    junit = out / f"run-{number}.xml"
    command = [
        sys.executable, "-m", "pytest", *targets,
        "-n", "2", *XDIST, "-p", "randomly", f"--randomly-seed={seed}",
        f"--junitxml={junit}", "-o", "junit_family=xunit1", "-rf",
    ]  # fmt: skip
    started = time.perf_counter()
    with open(out / f"run-{number}.log", "wb") as log:
        exit_code = run_pytest(command, log)
    run = Run(number, seed, time.perf_counter() - started, exit_code)
    read_junit(junit, run)
    return run


class Terminated(KeyboardInterrupt):
    """SIGTERM: we stop as on Ctrl-C, through every ``finally``."""


def raise_terminated(signum: int, frame: object) -> None:
    raise Terminated


def run_pytest(command: list[str], log) -> int:
    process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
    try:
        return process.wait()
    except KeyboardInterrupt as interrupt:
        # Ctrl-C reached pytest too (one process group); SIGTERM reached only us. Either
        # way pytest gets to stop its xdist and Lambda workers itself.
        if isinstance(interrupt, Terminated):
            process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument(
        "--load", type=int, default=os.cpu_count() or 1, metavar="N",
        help="cores to keep busy (default: every core; 0: no load)",
    )  # fmt: skip
    parser.add_argument("--out", type=Path, help="where each run's log and xml go")
    parser.add_argument("targets", nargs="*", default=["tests", "labs"], metavar="TARGET")
    options = parser.parse_args()
    out = options.out or Path(tempfile.mkdtemp(prefix="awslab-stress-"))
    out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, raise_terminated)
    # Started in the background (nohup ... &), we inherit an ignored SIGINT, and so
    # would pytest: then neither Ctrl-C nor our SIGINT on SIGTERM could stop it cleanly.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    print(f"pytest {' '.join(options.targets)} -n 2 -p randomly, "
          f"{options.runs} runs on {os.cpu_count()} cores")  # fmt: skip
    runs: list[Run] = []
    interrupted = False
    load = None
    try:
        load = Load(options.load) if options.load > 0 else None
        print(f"load: {load.description if load else 'none'}")
        print(f"logs: {out}", flush=True)
        for number in range(1, options.runs + 1):
            run = one_run(number, options.targets, out)
            runs.append(run)
            print(run.line(), flush=True)
            for name in run.failed:
                print(f"        failed: {name}", flush=True)
    except KeyboardInterrupt:
        interrupted = True
        print(f"interrupted after {len(runs)} runs", flush=True)
    finally:
        if load:
            load.stop()

    failures = Counter(name for run in runs for name in set(run.failed))
    walls = [run.wall for run in runs]
    if walls:
        print(f"wall: min {min(walls):.1f} s, max {max(walls):.1f} s, total {sum(walls):.0f} s")
    failing_runs = sum(1 for run in runs if run.failed)
    print(f"{failing_runs} of {len(runs)} runs had failures")
    if failures:
        print("tests that failed (in how many runs):")
        for name, count in failures.most_common():
            print(f"  {count:2} of {len(runs)}  {name}")
    sys.exit(130 if interrupted else 1 if failing_runs else 0)


if __name__ == "__main__":
    main()
