"""One test run's backend, with its safety guards, session, clients and claims report.

A plain class, used by the pytest plugin and by the bench scripts alike.
"""

from __future__ import annotations

from contextlib import ExitStack
from urllib.parse import urlparse

import boto3
import pytest
from botocore.config import Config

from harness.backends import BACKENDS, Backend
from harness.backends.safety import LoopbackOnly, emulator_environment
from harness.model.notes import Notes
from harness.report.records import ClaimsReport
from harness.testkit.api_calls import ApiCalls


class LabRun:
    """One pytest run's backend, its safety guards, the notes and the claims report."""

    def __init__(self, backend_name: str, notes: Notes | None, notes_name: str) -> None:
        self.backend_name = backend_name
        self.notes = notes
        self.report = ClaimsReport(backend_name, notes_name)
        self.backend: Backend | None = None
        self.session: boto3.Session | None = None
        self.client_config: Config | None = None
        self.clients: dict[str, object] = {}  # shared by every test's `aws`
        self.calls = ApiCalls()
        self._guard: LoopbackOnly | None = None
        self._environment: pytest.MonkeyPatch | None = None
        self._exit = ExitStack()

    def open(self) -> None:
        """Put the guards up (emulators only) and check the backend may be used."""
        backend_class = BACKENDS[self.backend_name]
        if backend_class.emulated:
            self._environment = self._exit.enter_context(emulator_environment())
            self._guard = self._exit.enter_context(LoopbackOnly(self.backend_name))
        self.backend = backend_class()
        self.allow_endpoint()
        self.backend.check_allowed()

    def allow_endpoint(self) -> None:
        """Let the guard through to the emulator, wherever it was said to run."""
        if self._guard is not None and self.backend.endpoint_url:
            self._guard.allowed_hosts.add(urlparse(self.backend.endpoint_url).hostname)

    def start_backend(self) -> Backend:
        if self.session is None:
            self.backend.start()
            self._exit.callback(self.backend.stop)
            self.allow_endpoint()
            if self._environment is not None:
                # So that a plain boto3.client("sqs") in a lab or a student's
                # code reaches the emulator too.
                self._environment.setenv("AWS_ENDPOINT_URL", self.backend.endpoint_url)
                for name, value in self.backend.environment().items():
                    self._environment.setenv(name, value)
            self.session = boto3.Session()
            self.calls.attach(self.session)
            # A plain boto3.client(...) uses the default session: make it ours, so
            # its calls are recorded too.
            previous_default, boto3.DEFAULT_SESSION = boto3.DEFAULT_SESSION, self.session
            self._exit.callback(setattr, boto3, "DEFAULT_SESSION", previous_default)
            # On an emulator a retry only hides an error; on AWS it rides out throttling.
            attempts = 1 if self.backend.emulated else 5
            self.client_config = Config(
                retries={"mode": "standard", "max_attempts": attempts},
                connect_timeout=5,
                read_timeout=65,  # above SQS's 20 s long poll
                # AWS serves some calls on a prefixed host ("sync-" for StartSyncExecution);
                # an emulator has one host for everything.
                inject_host_prefix=not self.backend.emulated,
            )
        return self.backend

    def close(self) -> None:
        self._exit.close()
