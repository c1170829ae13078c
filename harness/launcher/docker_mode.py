"""LocalStack in Docker, where an engine exists: the compose file's service, run by the Docker SDK.

``docker-compose.yml`` at the top of the project is the one description of
the container (image tag, port, settings, Docker socket, health check), for
users who type ``docker compose up -d localstack`` and for this module alike:
``run_options`` turns that service into the Docker SDK's ``containers.run``
arguments, so ``awslab localstack up`` needs no Compose plugin.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from harness.errors import LauncherError
from harness.launcher.health import Health, StartFailed, wait_until_healthy

CONTAINER_NAME = "awslab-localstack"
SERVICE = "localstack"
COMPOSE_FILE = Path(__file__).resolve().parents[2] / "docker-compose.yml"
START_TIMEOUT = 300.0  # the first start pulls the image


def engine_problem(timeout: float = 3.0) -> str | None:
    """Why no Docker engine can be used here, in a few words; None if one answers."""
    address = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
    if address.startswith("unix://") and not Path(address[len("unix://") :]).exists():
        return f"no Docker socket at {address[len('unix://') :]}"
    try:
        import docker

        client = docker.from_env(timeout=timeout)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as error:  # the SDK raises many kinds; any of them means "no engine"
        return f"{address} does not answer: {type(error).__name__}"
    return None


def compose_service(path: Path = COMPOSE_FILE) -> dict:
    """The ``localstack`` service of a compose file, as a dict."""
    import yaml

    try:
        service = yaml.safe_load(path.read_text(encoding="utf-8"))["services"][SERVICE]
    except (OSError, KeyError, TypeError, yaml.YAMLError) as error:
        raise LauncherError(f"{path} has no usable services.{SERVICE} ({error})") from None
    return service


def environment_of(service: dict) -> dict[str, str]:
    """The service's ``environment``, in either compose form (list or mapping)."""
    given = service.get("environment") or {}
    if isinstance(given, dict):
        return {str(k): str(v) for k, v in given.items()}
    return dict(item.split("=", 1) if "=" in item else (item, "") for item in given)


def _nanoseconds(duration: str) -> int:
    units = {"ms": 10**6, "s": 10**9, "m": 60 * 10**9, "h": 3600 * 10**9}
    total = 0
    for amount, unit in re.findall(r"(\d+)(ms|s|m|h)", str(duration)):
        total += int(amount) * units[unit]
    return total


def run_options(service: dict) -> tuple[dict, str]:
    """``containers.run`` keyword arguments for the compose service, and its endpoint URL."""
    ports: dict[str, tuple[str, int]] = {}
    endpoint_url = "http://127.0.0.1:4566"
    for index, mapping in enumerate(service.get("ports", [])):
        *host, container = str(mapping).split(":")
        host_ip, host_port = (host if len(host) == 2 else ["127.0.0.1", *host])[-2:]
        ports[f"{container}/tcp"] = (host_ip, int(host_port))
        if index == 0:
            endpoint_url = f"http://127.0.0.1:{host_port}"
    volumes = {}
    for mount in service.get("volumes", []):
        source, target, *mode = str(mount).split(":")
        volumes[source] = {"bind": target, "mode": mode[0] if mode else "rw"}
    options = {
        # The drift job tries the newest release; everything else keeps the compose file's pin.
        "image": os.environ.get("AWSLAB_LOCALSTACK_IMAGE") or service["image"],
        "name": CONTAINER_NAME,
        "detach": True,
        "ports": ports,
        "environment": environment_of(service),
        "volumes": volumes,
    }
    check = service.get("healthcheck")
    if check:
        options["healthcheck"] = {
            "test": check["test"],
            "interval": _nanoseconds(check.get("interval", "5s")),
            "timeout": _nanoseconds(check.get("timeout", "3s")),
            "retries": int(check.get("retries", 3)),
        }
    return options, endpoint_url


class DockerLocalStack:
    """The compose file's LocalStack as a container named ``awslab-localstack``."""

    def __init__(self, compose_file: Path = COMPOSE_FILE) -> None:
        self.options, self.endpoint_url = run_options(compose_service(compose_file))

    def _client(self):
        import docker

        problem = engine_problem()
        if problem:
            raise LauncherError(
                f"no Docker engine answers ({problem}): start Docker, or use "
                f"`awslab localstack up --no-docker`"
            )
        return docker.from_env()

    def container(self):
        """The container, running or not; None if there is none (or no engine)."""
        if engine_problem():
            return None
        import docker

        try:
            return docker.from_env().containers.get(CONTAINER_NAME)
        except docker.errors.NotFound:
            return None

    def start(self, timeout: float = START_TIMEOUT) -> Health:
        client = self._client()
        import docker

        try:
            container = client.containers.get(CONTAINER_NAME)
            if container.status != "running":
                container.start()
        except docker.errors.NotFound:
            container = client.containers.run(**self.options)  # pulls the image if needed
        try:
            return wait_until_healthy(self.endpoint_url, timeout, problem=self._exited)
        except StartFailed as failure:
            raise LauncherError(f"{failure}; see `docker logs {CONTAINER_NAME}`") from None

    def _exited(self) -> str | None:
        container = self.container()
        if container is not None and container.status in ("exited", "dead"):
            return f"the container {CONTAINER_NAME} stopped while starting"
        return None

    def stop(self, timeout: int = 20) -> bool:
        """Stop and remove the container; False if there was none."""
        container = self.container()
        if container is None:
            return False
        container.stop(timeout=timeout)
        container.remove()
        return True
