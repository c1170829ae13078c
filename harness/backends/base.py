"""What every backend offers the plugin."""

from __future__ import annotations

import logging
from collections.abc import Collection

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse

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
    #: How long a botocore waiter may poll here, whatever its ``WaiterConfig`` asks;
    #: None: as asked (a lab asks for what the real service may take).
    waiter_seconds: float | None = None

    def __init__(self) -> None:
        #: Where the backend answers (None: AWS's own endpoints), known from construction,
        #: so that clients can be pointed at it before ``start``.
        self.endpoint_url: str | None = None
        self._sweeping: dict[str, object] = {}  # clean_up's clients, made once per service

    def check_allowed(self) -> None:
        """Raise ``BackendUnavailable`` if this backend may not be used at all."""

    def start(self) -> None:
        """Make the backend answer at ``endpoint_url``."""

    def start_on_first_connection(self) -> None:
        """Make the backend answer at ``endpoint_url`` from its first connection on.

        Whatever connects first (a fixture's client, a plain ``boto3.client``,
        another process) finds it answering. A backend that costs nothing to
        start, as here, has nothing to wait for.
        """
        self.start()

    def warm_up(self) -> None:
        """Load what ``start`` needs without starting: a process about to fork one child
        per test (``harness.plugin.sealed``) does this once, instead of every child."""

    def clock_moved(self) -> None:
        """The lab's clock has just moved (backends that ``moves_time``)."""

    def next_wait(self) -> float | None:
        """When the backend's earliest wait on the clock ends (``time.time()``), or None
        (backends that ``moves_time``: ``clock.fast_forward()`` moves the clock there)."""
        return None

    def quiet(self) -> bool:
        """Whether the backend has nothing under way that could still change what a lab
        sees (no request being served, no delivery in the background): ``eventually``
        then stops waiting. False where the backend cannot tell (its work is elsewhere)."""
        return False

    def answer_in_process(self, request: AWSPreparedRequest) -> AWSResponse | None:
        """This process's own client's request, answered without the network; None: the
        request is sent as usual (every backend but the embedded moto)."""
        return None

    def environment(self) -> dict[str, str]:
        """Variables the test process needs once the backend runs (after ``start``)."""
        return {}

    def missing_service(self, service: str) -> str | None:
        """Why ``service`` (boto3's name) cannot be used here, or None if it can."""
        return None

    def stop(self) -> None:
        """Release what construction and ``start`` took (``start`` may never have run)."""

    def enforce_iam(self, enforced: bool) -> None:
        """Check every call against the caller's IAM policies (True), or stop checking.

        Real AWS always checks and LocalStack's free edition never does: nothing to switch.
        """

    def isolate(self) -> None:
        """Before a test: make sure it sees none of an earlier test's resources.

        Called before every test of a lab run once the backend has started, so it
        should cost nothing when no test has used the backend since the last call.
        """

    def clean_up(
        self, session: boto3.Session, prefix: str, called: Collection[str] | None = None
    ) -> None:
        """After a test: delete what it created (every name starts with ``prefix``) in
        the services it ``called`` with more than reads (None: in every one)."""
        problems = sweepers.sweep(
            session, self.endpoint_url, prefix, self.missing_service, called, self._sweeping
        )
        for problem in problems:
            log.warning("awslab clean-up: %s", problem)
