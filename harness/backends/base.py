"""What every backend offers the plugin."""

from __future__ import annotations

import logging

import boto3

from harness.backends import sweepers

log = logging.getLogger(__name__)


class Backend:
    name = ""
    #: Fake credentials and the loopback-only guard apply.
    emulated = True
    #: ``clock.advance`` can move this backend's time instead of waiting.
    moves_time = False
    #: How long ``eventually`` waits, by default, for an asynchronous effect.
    settle_seconds = 15.0

    def __init__(self) -> None:
        self.endpoint_url: str | None = None

    def check_allowed(self) -> None:
        """Raise ``BackendUnavailable`` if this backend may not be used at all."""

    def start(self) -> None:
        """Make the backend reachable at ``endpoint_url``."""

    def environment(self) -> dict[str, str]:
        """Variables the test process needs once the backend runs (after ``start``)."""
        return {}

    def missing_service(self, service: str) -> str | None:
        """Why ``service`` (boto3's name) cannot be used here, or None if it can."""
        return None

    def stop(self) -> None:
        """Release what ``start`` took."""

    def enforce_iam(self, enforced: bool) -> None:
        """Check every call against the caller's IAM policies (True), or stop checking.

        Real AWS always checks and LocalStack's free edition never does: nothing to switch.
        """

    def isolate(self) -> None:
        """Before a test: make sure it sees none of an earlier test's resources."""

    def clean_up(self, session: boto3.Session, prefix: str) -> None:
        """After a test: delete what it created (every name starts with ``prefix``)."""
        for problem in sweepers.sweep(session, self.endpoint_url, prefix, self.missing_service):
            log.warning("awslab clean-up: %s", problem)
