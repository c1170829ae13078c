"""Measure LocalStack against moto on the same labs: start time, walls, real waiting, parity.

    .venv/bin/python bench/localstack_parity.py [LAB ...] [--keep-running]

1. LocalStack in host mode: the virtualenv build (only if it is not built yet)
   and the start time, from nothing running to answering on its health endpoint.
2. ``pytest LABS`` wall time on LocalStack and on moto, each in a fresh interpreter.
3. The seconds of real waiting on LocalStack: what the labs' clocks advanced.
4. Every claim whose outcome differs between the two backends.

LocalStack is stopped at the end unless it was already running (or --keep-running).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from timing import ROOT

from harness.launcher import localstack as launcher
from harness.launcher.host import HostLocalStack
from harness.plugin.fixtures import CLOCK_PROPERTY

DEFAULT_LABS = ["labs/sqs", "labs/s3", "labs/dynamodb"]


def timed_pytest(labs: list[str], backend: str, out: Path) -> tuple[float, dict, float]:
    """Wall seconds, claim outcomes by id, and seconds the labs' clocks advanced."""
    report, junit = out / backend, out / f"{backend}.xml"
    command = [sys.executable, "-m", "pytest", *labs, "-q", "-p", "no:randomly"]
    command += ["--backend", backend, "--claims-report", str(report), "--junitxml", str(junit)]
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if finished.returncode not in (0, 1):  # 1: some test failed; still worth comparing
        sys.exit(f"pytest on {backend} stopped (exit {finished.returncode}):\n{finished.stdout}")
    print(f"  {backend}: {finished.stdout.strip().splitlines()[-1]}")
    claims = json.loads((report / "claims.json").read_text())["claims"]
    outcomes = {claim["id"]: claim["outcome"] for claim in claims}
    waited = sum(
        float(prop.get("value", 0))
        for prop in ElementTree.parse(junit).iter("property")
        if prop.get("name") == CLOCK_PROPERTY
    )
    return wall, outcomes, waited


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labs", nargs="*", default=DEFAULT_LABS, metavar="LAB")
    parser.add_argument("--keep-running", action="store_true", help="leave LocalStack up")
    options = parser.parse_args()

    host = HostLocalStack(echo=lambda line: None)
    was_running = launcher.status().running
    if was_running:
        print("LocalStack already runs: start time not measured (stop it to measure)")
    else:
        build = host.build_venv()
        if build is not None:
            print(f"LocalStack venv built in {build:.0f} s")
        started = time.perf_counter()
        launcher.up(docker=False, echo=lambda line: None)
        print(f"LocalStack host mode: answering after {time.perf_counter() - started:.1f} s")
    try:
        with tempfile.TemporaryDirectory(prefix="awslab-parity-") as folder:
            out = Path(folder)
            print(f"pytest {' '.join(options.labs)}:")
            local_wall, local, waited = timed_pytest(options.labs, "localstack", out)
            moto_wall, moto, _ = timed_pytest(options.labs, "moto", out)
    finally:
        if not (was_running or options.keep_running):
            launcher.down(echo=lambda line: None)
    ratio = local_wall / moto_wall
    print(f"wall: LocalStack {local_wall:.1f} s, moto {moto_wall:.1f} s ({ratio:.1f}x)")
    print(f"real waiting on LocalStack (the labs' clocks): {waited:.0f} s")
    for backend, outcomes in (("localstack", local), ("moto", moto)):
        counts = {o: list(outcomes.values()).count(o) for o in sorted(set(outcomes.values()))}
        print(f"claims on {backend}: {', '.join(f'{n} {o}' for o, n in counts.items())}")
    differ = sorted(c for c in local.keys() | moto.keys() if local.get(c) != moto.get(c))
    print(f"{len(differ)} claims differ (claim: LocalStack / moto):")
    for claim in differ:
        print(f"  {claim}: {local.get(claim, 'not run')} / {moto.get(claim, 'not run')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
