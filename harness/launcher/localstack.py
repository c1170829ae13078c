"""``awslab localstack up|down|status``: one LocalStack for the labs, in Docker or on the host.

``up`` uses Docker when an engine answers (the compose file's container) and
otherwise runs LocalStack on the host (``--no-docker`` forces that); it is
idempotent, and returns once LocalStack answers on its health endpoint.
``down`` stops whatever ``up`` started. ``status`` says what runs where.
Plain functions: the CLI only parses arguments and prints ``Status.lines()``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from harness.errors import LauncherError
from harness.launcher import docker_mode
from harness.launcher.health import Health, fetch
from harness.launcher.host import HostLocalStack
from harness.launcher.settings import DEFAULT_PORT

__all__ = ["LauncherError", "Status", "down", "status", "up", "why_left_out"]


@dataclass
class Status:
    """What runs, where, and which of its services the labs can use."""

    endpoint_url: str
    mode: str | None = None  # "host", "docker", "other" (not started by awslab), None (nothing)
    health: Health | None = None
    pid: int | None = None
    log_file: Path | None = None
    left_out: dict[str, str] = field(default_factory=dict)  # service -> why it is not loaded

    @property
    def running(self) -> bool:
        return self.health is not None

    def lines(self) -> list[str]:
        """One line for LocalStack, then one per service."""
        health = self.health
        if health is None:
            return [
                f"LocalStack: not running at {self.endpoint_url}; "
                "start it with `awslab localstack up` (or `--no-docker`)"
            ]
        where = {
            "host": f"on this machine, pid {self.pid}, log {self.log_file}",
            "docker": f"in Docker, container {docker_mode.CONTAINER_NAME}",
        }.get(self.mode or "", "not started by awslab")
        lines = [f"LocalStack {health.version}: running at {self.endpoint_url} ({where})"]
        for service, state in sorted(health.services.items()):
            why = self.left_out.get(service)
            lines.append(f"  {service}: {state}" + (f" ({why})" if why else ""))
        return lines


def status(port: int = DEFAULT_PORT, home: Path | None = None) -> Status:
    """What runs at ``http://127.0.0.1:<port>``, and whether awslab started it."""
    host = HostLocalStack(home, port)
    state = host.state()
    if state.get("port"):
        host.port = int(state["port"])
    pid = host.pid()
    health = fetch(host.endpoint_url)
    if pid is not None:
        left_out = state.get("left_out") or {}
        return Status(host.endpoint_url, "host", health, pid, host.log_file, left_out)
    if health is not None:
        container = docker_mode.DockerLocalStack().container() if _docker_file() else None
        mode = "docker" if container is not None and container.status == "running" else "other"
        return Status(host.endpoint_url, mode, health)
    return Status(host.endpoint_url)


def up(
    docker: bool | None = None,
    port: int = DEFAULT_PORT,
    home: Path | None = None,
    echo: Callable[[str], None] = print,
) -> Status:
    """Start LocalStack unless one answers already; return once it does.

    ``docker``: True for Docker only, False for host mode only (``--no-docker``),
    None for Docker when an engine answers, else host mode.
    """
    current = status(port, home)
    if current.health is not None:
        echo(f"LocalStack {current.health.version} is already running at {current.endpoint_url}")
        return current
    if docker is None:
        problem = docker_mode.engine_problem()
        docker = problem is None
        if not docker:
            echo(f"no Docker engine ({problem}): running LocalStack on this machine")
    if docker:
        if port != DEFAULT_PORT:
            raise LauncherError(
                f"in Docker, LocalStack's port comes from {docker_mode.COMPOSE_FILE.name}; "
                f"change it there, or use --no-docker for port {port}"
            )
        launched = docker_mode.DockerLocalStack()
        echo(f"starting {launched.options['image']} as container {docker_mode.CONTAINER_NAME}")
        health = launched.start()
        echo(f"LocalStack {health.version} answers at {launched.endpoint_url}")
        return status(port, home)
    HostLocalStack(home, port, echo).start()
    if port != DEFAULT_PORT:
        echo(f"for pytest: export AWSLAB_LOCALSTACK_URL=http://localhost:{port}")
    return status(port, home)


def down(home: Path | None = None, echo: Callable[[str], None] = print) -> bool:
    """Stop the LocalStack that ``up`` started (host process or container); False if none."""
    stopped = False
    host = HostLocalStack(home, echo=echo)
    pid = host.pid()
    if host.stop():
        echo(f"stopped LocalStack (pid {pid}) on this machine")
        stopped = True
    if _docker_file() and docker_mode.DockerLocalStack().stop():
        echo(f"stopped and removed container {docker_mode.CONTAINER_NAME}")
        stopped = True
    if not stopped:
        echo("no LocalStack started by awslab is running")
    return stopped


def why_left_out(endpoint_url: str | None, service: str, home: Path | None = None) -> str | None:
    """Why host mode did not load ``service`` (LocalStack's name), if it runs at ``endpoint_url``.

    For the localstack backend's skip message: LocalStack itself only says
    ``disabled``; this says why (no Docker engine, no DynamoDB Local).
    """
    host = HostLocalStack(home)
    state = host.state()
    port = str(state.get("port", ""))
    if (
        not port
        or not endpoint_url
        or not endpoint_url.rstrip("/").endswith(f":{port}")
        or host.pid() is None
    ):
        return None
    return state.get("left_out", {}).get(service)


def _docker_file() -> bool:
    return docker_mode.COMPOSE_FILE.is_file()
