"""Measure the Lambda runtime: cold and warm invoke latency through moto, and the lab's wall.

    .venv/bin/python bench/lambda_invoke.py [--runs 3] [--functions 10] [--calls 200]

1. Cold invoke: the first ``Invoke`` of each of N new functions (a worker
   process starts, imports the handler), median over the functions.
2. Warm invoke: ``Invoke`` of one function again and again, median; next to
   moto's own overhead for a Lambda API call that runs no code
   (``GetFunctionConfiguration``), interleaved so that load hits both alike.
3. ``pytest labs/lambda`` wall time, cold: a fresh interpreter each run.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

from timing import cold_pytest_runs

HANDLER = "def handler(event, context):\n    return {'echo': event}\n"


def invoke_latency(functions: int, calls: int) -> tuple[list[float], list[float], list[float]]:
    from harness.lambda_runtime import zip_package
    from harness.plugin.lab_run import LabRun

    run = LabRun("moto", None, "notes")
    run.open()
    try:
        backend = run.start_backend()
        from harness.testkit.clients import AwsClients

        aws = AwsClients(run.session, backend.endpoint_url, run.client_config)
        role = aws.iam.create_role(RoleName="bench", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
        code = zip_package({"app.py": HANDLER})
        names = [f"bench-{number}" for number in range(functions)]
        for name in names:
            aws.lambda_.create_function(
                FunctionName=name,
                Runtime="python3.12",
                Role=role,
                Handler="app.handler",
                Code={"ZipFile": code},
            )
        payload = json.dumps({"n": 1})
        cold = []
        for name in names:
            started = time.perf_counter()
            aws.lambda_.invoke(FunctionName=name, Payload=payload)["Payload"].read()
            cold.append(time.perf_counter() - started)
        warm, baseline = [], []
        for _ in range(calls):
            started = time.perf_counter()
            aws.lambda_.invoke(FunctionName=names[0], Payload=payload)["Payload"].read()
            warm.append(time.perf_counter() - started)
            started = time.perf_counter()
            aws.lambda_.get_function_configuration(FunctionName=names[0])
            baseline.append(time.perf_counter() - started)
        return cold, warm, baseline
    finally:
        run.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--functions", type=int, default=10)
    parser.add_argument("--calls", type=int, default=200)
    options = parser.parse_args()

    cold, warm, baseline = invoke_latency(options.functions, options.calls)
    ms = 1000
    print(
        f"cold invoke (first of a version), median of {options.functions}: "
        f"{statistics.median(cold) * ms:.1f} ms (min {min(cold) * ms:.1f}, "
        f"max {max(cold) * ms:.1f})"
    )
    print(
        f"warm invoke, median of {options.calls}: {statistics.median(warm) * ms:.2f} ms; "
        f"moto's own GetFunctionConfiguration: {statistics.median(baseline) * ms:.2f} ms; "
        f"difference {(statistics.median(warm) - statistics.median(baseline)) * ms:.2f} ms"
    )
    timings = cold_pytest_runs("labs/lambda", options.runs)
    print(
        f"pytest labs/lambda, cold, {options.runs} runs: "
        f"median {statistics.median(timings):.2f} s, "
        f"min {min(timings):.2f} s, max {max(timings):.2f} s"
    )


if __name__ == "__main__":
    main()
