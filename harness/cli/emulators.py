"""Commands that start, stop and look at LocalStack, and check this machine."""

from __future__ import annotations

from rich.console import Console

from harness.launcher import doctor
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


def run_doctor(options, console: Console) -> int:
    return doctor.report(echo=console.print)
