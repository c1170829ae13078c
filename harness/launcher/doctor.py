"""``awslab doctor``: what this machine has for the labs, one line each, with what to do.

Python and moto are needed for every lab; Docker and LocalStack only for the
``localstack`` backend, Java and DynamoDB Local only for ``dynamodb-local`` (and
LocalStack's DynamoDB without a download), so their absence is a warning, not a failure.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from harness.errors import LauncherError
from harness.launcher import docker_mode, dynamodb_local
from harness.launcher import localstack as launcher
from harness.launcher.host import PYTHON_VERSION, HostLocalStack, find_python

OK, WARN, FAIL = "ok", "--", "!!"


@dataclass
class Check:
    """One line of the doctor's answer: a state (ok, -- optional missing, !! needed missing)."""

    state: str
    what: str
    detail: str
    fix: str = ""

    def line(self) -> str:
        text = f"{self.state:2}  {self.what}: {self.detail}"
        return f"{text}; {self.fix}" if self.fix else text


def check_python() -> Check:
    # Only 3.11+ installs awslab at all; the line says which Python runs it.
    version = ".".join(map(str, sys.version_info[:3]))
    return Check(OK, "Python", f"{version} ({sys.executable})")


def check_moto() -> Check:
    try:
        version = metadata.version("moto")
    except metadata.PackageNotFoundError:
        return Check(FAIL, "moto", "not installed", "run `make labs` (it installs .venv)")
    return Check(OK, "moto", f"{version} (the default backend, embedded)")


def check_docker() -> Check:
    problem = docker_mode.engine_problem()
    if problem:
        return Check(
            WARN,
            "Docker engine",
            problem,
            "optional: LocalStack runs without it (`awslab localstack up --no-docker`), "
            "but then has no Lambda",
        )
    return Check(OK, "Docker engine", "answers (LocalStack can run in Docker, with Lambda)")


def check_dynamodb_local() -> list[Check]:
    needed = "needed only for --backend dynamodb-local"
    try:
        java = dynamodb_local.find_java()
    except LauncherError as error:
        checks = [Check(WARN, "Java for DynamoDB Local", "none usable", f"{needed}: {error}")]
    else:
        checks = [Check(OK, "Java for DynamoDB Local", f"{java.version} ({java.path})")]
    try:
        jar = dynamodb_local.find_jar()
    except LauncherError as error:
        checks.append(Check(WARN, "DynamoDB Local", "not installed", f"{needed}: {error}"))
    else:
        package = f"npm {dynamodb_local.PACKAGE} {dynamodb_local.PACKAGE_VERSION}"
        checks.append(Check(OK, "DynamoDB Local", f"{dynamodb_local.VERSION} ({package}, {jar})"))
    return checks


def check_host_mode(home: Path | None = None) -> list[Check]:
    wanted = ".".join(map(str, PYTHON_VERSION))
    try:
        python = find_python()
    except LauncherError as error:
        return [Check(WARN, f"Python {wanted} for LocalStack host mode", "not found", str(error))]
    checks = [Check(OK, f"Python {wanted} for LocalStack host mode", str(python))]
    host = HostLocalStack(home)
    if host.venv_ready():
        checks.append(Check(OK, "LocalStack host-mode venv", str(host.venv)))
    else:
        checks.append(
            Check(
                WARN,
                "LocalStack host-mode venv",
                f"not built (or out of date) in {host.venv}",
                "`awslab localstack up --no-docker` builds it (about 90 s, once)",
            )
        )
    return checks


def check_localstack(home: Path | None = None) -> list[Check]:
    current = launcher.status(home=home)
    health = current.health
    if health is None:
        return [
            Check(
                WARN,
                "LocalStack",
                f"not running at {current.endpoint_url}",
                "`awslab localstack up` starts it (needed only for --backend localstack)",
            )
        ]
    running = current.lines()[0].split(": ", 1)[1]
    checks = [Check(OK, "LocalStack", f"{health.version} {running}")]
    for service, state in sorted(health.services.items()):
        if health.usable(service):
            checks.append(Check(OK, f"  {service}", state))
        else:
            why = current.left_out.get(service) or f"LocalStack reports it {state}"
            checks.append(Check(WARN, f"  {service}", state, why))
    return checks


def checks(home: Path | None = None) -> list[Check]:
    """Every check, in the order they are printed."""
    return [
        check_python(),
        check_moto(),
        check_docker(),
        *check_dynamodb_local(),
        *check_host_mode(home),
        *check_localstack(home),
    ]


def report(echo: Callable[[str], None] = print, home: Path | None = None) -> int:
    """Print one line per check; 0 if the labs can run on moto, else 1."""
    found = checks(home)
    for check in found:
        echo(check.line())
    return 1 if any(check.state == FAIL for check in found) else 0
