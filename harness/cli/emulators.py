"""Commands that start, stop and look at LocalStack, install DynamoDB Local, check this machine."""

from __future__ import annotations

from rich.console import Console

from harness.launcher import doctor, dynamodb_local
from harness.launcher import localstack as launcher


def run_localstack(options, console: Console) -> int:
    if options.action == "up":
        launcher.up(docker=options.docker, echo=console.print)
        return 0
    if options.action == "down":
        launcher.down(echo=console.print)
        return 0
    current = launcher.status()
    for line in current.lines():
        console.print(line)
    return 0 if current.running else 1


def run_dynamodb_local(options, console: Console) -> int:
    if options.action == "install":
        dynamodb_local.install(echo=console.print)
    checks = doctor.check_dynamodb_local()
    for check in checks:
        console.print(check.line())
    return 0 if all(check.state == doctor.OK for check in checks) else 1


def run_doctor(options, console: Console) -> int:
    return doctor.report(echo=console.print)
