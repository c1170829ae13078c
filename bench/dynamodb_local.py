"""Measure DynamoDB Local against moto (and LocalStack, if it runs): calls, walls, claims.

    .venv/bin/python bench/dynamodb_local.py [--calls 300] [--runs 1]

1. DynamoDB Local's start time, from nothing to answering a ListTables.
2. The cost of one GetItem and one PutItem through boto3 on each backend, warm
   (the median of ``--calls`` calls after 50 of warm-up).
3. ``pytest labs/dynamodb`` wall on each backend, in a fresh interpreter, one
   process (no xdist), so that the backends compare; the claims each one proves.
4. The DynamoDB claims that no emulator proves (neither verified nor errata on any
   backend), with each backend's outcome; and how many moto alone leaves unproven.

LocalStack is measured where one answers (``AWSLAB_LOCALSTACK_URL``, else
localhost:4566) with DynamoDB available; it is not started here.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import boto3
from timing import ROOT

from harness.backends.registry import BACKENDS
from harness.backends.safety import emulator_environment
from harness.errors import BackendUnavailable
from harness.launcher.dynamodb_local import DynamoDBLocal

LABS = "labs/dynamodb"
PROVEN = ("verified", "errata")
KEY = {"id": {"S": "bench"}}


def per_call_ms(endpoint_url: str, calls: int) -> dict[str, float]:
    """Median milliseconds of a GetItem and of a PutItem, on a fresh table."""
    client = boto3.client("dynamodb", endpoint_url=endpoint_url, region_name="us-east-1")
    table = f"bench-{time.time_ns()}"
    client.create_table(
        TableName=table,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    client.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 1})
    item = {**KEY, "payload": {"S": "x" * 100}}
    operations = {
        "PutItem": lambda: client.put_item(TableName=table, Item=item),
        "GetItem": lambda: client.get_item(TableName=table, Key=KEY),
    }
    medians = {}
    for name, call in operations.items():
        for _ in range(50):
            call()
        timings = []
        for _ in range(calls):
            started = time.perf_counter()
            call()
            timings.append(time.perf_counter() - started)
        medians[name] = statistics.median(timings) * 1000
    client.delete_table(TableName=table)
    return medians


def measure_calls(backend_name: str, calls: int) -> dict[str, float] | None:
    backend = BACKENDS[backend_name]()
    try:
        backend.check_allowed()
        if backend_name == "localstack" and backend.missing_service("dynamodb"):
            print(f"  localstack: {backend.missing_service('dynamodb')}")
            return None
        backend.start()
    except BackendUnavailable as error:
        print(f"  {backend_name}: {error}")
        return None
    try:
        return per_call_ms(backend.endpoint_url, calls)
    finally:
        backend.stop()


def timed_labs(backend: str, out: Path) -> tuple[float, dict, str]:
    """Wall seconds, the claims by id, pytest's last line."""
    report = out / backend
    command = [sys.executable, "-m", "pytest", LABS, "-q", "-p", "no:randomly"]
    command += ["--backend", backend, "--claims-report", str(report)]
    started = time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    if finished.returncode not in (0, 1):
        sys.exit(f"pytest on {backend} stopped (exit {finished.returncode}):\n{finished.stdout}")
    claims = json.loads((report / "claims.json").read_text())["claims"]
    return wall, {claim["id"]: claim for claim in claims}, finished.stdout.strip().splitlines()[-1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300, help="timed calls per operation")
    options = parser.parse_args()

    with emulator_environment():
        process = DynamoDBLocal()
        started = time.perf_counter()
        process.start()
        print(f"DynamoDB Local answers after {time.perf_counter() - started:.1f} s")
        process.stop()

        print(f"one call, median of {options.calls} (warm):")
        backends = []
        for name in ("moto", "dynamodb-local", "localstack"):
            medians = measure_calls(name, options.calls)
            if medians is not None:
                backends.append(name)
                costs = ", ".join(f"{op} {ms:.2f} ms" for op, ms in medians.items())
                print(f"  {name}: {costs}")

    print(f"pytest {LABS}, one process, cold:")
    runs: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="awslab-dynamodb-local-") as folder:
        for name in backends:
            wall, runs[name], last = timed_labs(name, Path(folder))
            print(f"  {name}: {wall:.1f} s ({last})")

    claims = sorted(set().union(*runs.values()))
    for name, claims_of in runs.items():
        proven = sum(claims_of[c]["outcome"] in PROVEN for c in claims_of)
        print(f"  {name} proves {proven} of {len(claims_of)} DynamoDB claims")
    alone = [c for c in claims if runs["moto"][c]["outcome"] not in PROVEN]
    unproven = [c for c in claims if all(run[c]["outcome"] not in PROVEN for run in runs.values())]
    print(f"DynamoDB claims proven by no emulator: {len(alone)} on moto alone, "
          f"{len(unproven)} on {' + '.join(runs)}:")  # fmt: skip
    for claim in unproven:
        print(f"  {claim}")
        for name, run in runs.items():
            print(f"    {name}: {run[claim]['outcome']} ({run[claim]['reason']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
