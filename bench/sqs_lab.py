"""Measure the SQS lab: wall time, emulated-vs-wall time, per-call overhead.

    .venv/bin/python bench/sqs_lab.py [--runs 5] [--calls 400]

1. ``pytest labs/sqs`` wall time, cold: a fresh interpreter each run.
2. Seconds the lab's clock advanced vs the run's wall seconds.
3. The harness's SQS client vs a raw boto3 client on the same moto server,
   with the loopback guard up as in a real run: median time per call.
"""

from __future__ import annotations

import argparse
import statistics
import time

import boto3
import pytest
from timing import ROOT, cold_pytest_runs

from harness.plugin.fixtures import CLOCK_PROPERTY


class ClockTally:
    """Adds up what every test's clock advanced (the plugin records it per test)."""

    def __init__(self) -> None:
        self.emulated = 0.0

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "teardown":
            self.emulated += sum(v for k, v in report.user_properties if k == CLOCK_PROPERTY)


def emulated_vs_wall() -> tuple[float, float]:
    tally = ClockTally()
    started = time.perf_counter()
    code = pytest.main(["labs/sqs", "-q", "-p", "no:randomly", "--rootdir", str(ROOT)], [tally])
    wall = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"the SQS lab failed (exit {code}); fix it before measuring")
    return tally.emulated, wall


def per_call(calls: int) -> tuple[float, float]:
    from harness.plugin.lab_run import LabRun
    from harness.testkit.clients import AwsClients

    run = LabRun("moto", None, "notes")
    run.open()
    try:
        backend = run.start_backend()
        harness_sqs = AwsClients(run.session, backend.endpoint_url, run.client_config).sqs
        raw_sqs = boto3.client(
            "sqs", endpoint_url=backend.endpoint_url, region_name="us-east-1",
            aws_access_key_id="x", aws_secret_access_key="y",
        )  # fmt: skip
        url = raw_sqs.create_queue(QueueName="bench")["QueueUrl"]
        samples: dict[str, list[float]] = {"harness": [], "raw": []}
        for _ in range(calls):
            # Interleaved, so drift in the machine's load hits both alike.
            for name, client in (("raw", raw_sqs), ("harness", harness_sqs)):
                started = time.perf_counter()
                client.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])
                samples[name].append(time.perf_counter() - started)
        return statistics.median(samples["harness"]), statistics.median(samples["raw"])
    finally:
        run.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--calls", type=int, default=400)
    options = parser.parse_args()

    timings = cold_pytest_runs("labs/sqs", options.runs)
    print(
        f"pytest labs/sqs, cold, {options.runs} runs: median {statistics.median(timings):.2f} s, "
        f"min {min(timings):.2f} s, max {max(timings):.2f} s"
    )
    emulated, wall = emulated_vs_wall()
    print(
        f"emulated time: {emulated:,.0f} s advanced in {wall:.2f} s wall "
        f"(in-process run) = {emulated / wall:,.0f}x"
    )
    harness_call, raw_call = per_call(options.calls)
    print(
        f"per call (GetQueueAttributes, median of {options.calls}): harness "
        f"{harness_call * 1000:.2f} ms, raw boto3 {raw_call * 1000:.2f} ms = "
        f"{harness_call / raw_call:.2f}x"
    )


if __name__ == "__main__":
    main()
