"""LocalStack's health endpoint: is it up, which version, which services."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field

from tenacity import Retrying, retry_if_exception_type, stop_after_delay, wait_fixed

from harness.errors import LauncherError

#: Service states in which LocalStack serves requests (or starts the service on the first one).
USABLE = frozenset({"available", "running", "initialized"})


@dataclass
class Health:
    """What ``/_localstack/health`` answered."""

    version: str
    services: dict[str, str] = field(default_factory=dict)

    def usable(self, service: str) -> bool:
        return self.services.get(service) in USABLE


def fetch(endpoint_url: str, timeout: float = 2.0) -> Health | None:
    """LocalStack's health at ``endpoint_url``, or None if nothing answers there like LocalStack."""
    try:
        with urllib.request.urlopen(f"{endpoint_url}/_localstack/health", timeout=timeout) as reply:
            body = json.load(reply)
    except (OSError, ValueError):  # refused, timed out, an HTTP error, not JSON
        return None
    if not isinstance(body, dict) or "services" not in body:
        return None
    return Health(version=str(body.get("version", "unknown")), services=dict(body["services"]))


class NotYet(Exception):
    """LocalStack is still starting."""


class StartFailed(LauncherError):
    """LocalStack will not answer: it stopped, or did not answer in time."""


def wait_until_healthy(
    endpoint_url: str,
    timeout: float,
    problem: Callable[[], str | None] = lambda: None,
    interval: float = 0.25,
) -> Health:
    """Poll the health endpoint until it answers; at most ``timeout`` seconds.

    ``problem()`` is asked between polls: a message (the process exited) ends
    the wait at once instead of after the whole timeout.
    """

    def attempt() -> Health:
        trouble = problem()
        if trouble:
            raise StartFailed(trouble)
        health = fetch(endpoint_url)
        if health is None:
            raise NotYet
        return health

    retrying = Retrying(
        stop=stop_after_delay(timeout),
        wait=wait_fixed(interval),
        retry=retry_if_exception_type(NotYet),
        reraise=True,
    )
    try:
        return retrying(attempt)
    except NotYet:
        raise StartFailed(
            f"LocalStack did not answer on {endpoint_url}/_localstack/health within {timeout:g} s"
        ) from None
