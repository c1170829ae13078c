"""One lab run's backend, with its safety guards, session, clients and claims report.

A plain class, used by the pytest plugin and by the bench scripts alike.
"""

from __future__ import annotations

import threading
from contextlib import ExitStack
from urllib.parse import urlparse

import boto3
import pytest
from botocore.config import Config

from harness.backends.base import Backend
from harness.backends.registry import BACKENDS
from harness.backends.safety import LoopbackOnly, emulator_environment
from harness.model.notes import Notes
from harness.report.records import ClaimsReport
from harness.testkit.api_calls import ApiCalls


class LabRun:
    """One pytest run's backend, its safety guards, the notes and the claims report.

    ``open()`` points every boto3 client of the process at the backend; the
    backend itself starts on first use: when a fixture asks for it, or when
    anything first connects to its endpoint.
    """

    def __init__(self, backend_name: str, notes: Notes | None, notes_name: str) -> None:
        self.backend_name = backend_name
        self.notes = notes
        self.report = ClaimsReport(backend_name, notes_name)
        self._backend: Backend | None = None
        self.session: boto3.Session | None = None
        self.client_config: Config | None = None
        self.clients: dict[str, object] = {}  # shared by every test's `aws`
        self.calls = ApiCalls()
        self._environment: pytest.MonkeyPatch | None = None
        self._started = False
        self._starting = threading.Lock()
        self._guard: LoopbackOnly | None = None
        self._exit = ExitStack()

    @property
    def backend(self) -> Backend:
        if self._backend is None:
            raise RuntimeError("LabRun.open() makes the backend: call it first")
        return self._backend

    def open(self) -> None:
        """Put the guards up (emulators only), check the backend may be used, and
        point every boto3 client at it."""
        backend_class = BACKENDS[self.backend_name]
        guard = None
        if backend_class.emulated:
            self._environment = self._exit.enter_context(emulator_environment())
            guard = self._exit.enter_context(LoopbackOnly(self.backend_name))
        self._guard = guard
        self._backend = backend_class()
        self._exit.callback(lambda: self.backend.stop())  # whichever backend is current
        self._serve()
        if self.backend.emulated:
            # Now, before any client is made: a plain boto3.client() in the first
            # test must use the run's session too. On real AWS the user's own profile
            # is read, which may be missing or expired: only once a test asks for AWS.
            self._make_session()

    def _serve(self) -> None:
        """Check the backend may be used, and point this process at it."""
        if self._guard is not None:  # wherever the emulator was said to run (LocalStack's URL)
            self._allow(self._guard, self.backend.endpoint_url)
        self.backend.check_allowed()
        # moto answers from its first connection on; a backend that cannot starts now,
        # and only then knows its endpoint (DynamoDB Local's port).
        self.backend.start_on_first_connection()
        endpoint = self.backend.endpoint_url
        if self._guard is not None:
            self._allow(self._guard, endpoint)
        if self._environment is not None and endpoint:
            # So that a plain boto3.client("sqs") in a lab or a student's
            # code reaches the emulator too.
            self._environment.setenv("AWS_ENDPOINT_URL", endpoint)
            for name, value in self.backend.environment().items():
                self._environment.setenv(name, value)

    def renew_backend(self) -> None:
        """A backend of this process's own, fresh, after ``os.fork()``.

        A forked child has none of its parent's threads, so the parent's embedded
        server would never answer it; and what a test does to the backend, its
        clients or their hooks must stay in that test's process. The parent
        stops its backend before it forks (``stop``); each child calls this.
        """
        self._backend = type(self.backend)()
        self.clients.clear()
        self._started = False
        self._serve()

    @staticmethod
    def _allow(guard: LoopbackOnly, endpoint: str | None) -> None:
        host = urlparse(endpoint).hostname if endpoint else None
        if host:
            guard.allowed_hosts.add(host)

    def _make_session(self) -> None:
        self.session = boto3.Session()
        self.calls.attach(self.session)
        # Last: it is the transport, after any hook that reshapes the request (a client's
        # host fix-up, a lab's own). The backend of the moment: a sealed test's child
        # renews it (renew_backend).
        self.session.events.register_last(
            "before-send", lambda request, **_: self.backend.answer_in_process(request)
        )
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

    def start_backend(self) -> Backend:
        """The backend, started if it was not yet (once per run; safe from any thread)."""
        if not self._started:
            with self._starting:
                if not self._started:
                    self.backend.start()
                    if self.session is None:
                        self._make_session()
                    self._started = True
        return self.backend

    def before_test(self) -> None:
        """A clean backend and an empty record of AWS calls."""
        self.backend.isolate()  # nothing to do if no test used the backend since
        self.calls.clear()

    def after_test(self, prefix: str) -> None:
        """Delete what a test named with ``prefix`` (backends that cannot reset)."""
        if self._started:
            self.backend.clean_up(self.session, prefix, set(self.calls.services_written))

    def close(self) -> None:
        self._exit.close()
