"""moto, embedded: a threaded moto server on a free loopback port, started on first use."""

from __future__ import annotations

import json
import logging
import os
import select
import socket
import sys
import tempfile
import threading
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING

import boto3
from botocore.awsrequest import AWSPreparedRequest, AWSResponse

from harness.backends import moto_costs, moto_in_process, moto_waits
from harness.backends.base import Backend
from harness.lambda_runtime import MotoLambdaRuntime, check_moto_version

if TYPE_CHECKING:
    from werkzeug.serving import BaseWSGIServer

RESET_PATH = "/moto-api/reset"

log = logging.getLogger(__name__)


class ServedSinceReset:
    """WSGI middleware around moto's app: has moto served a request since its last
    reset, and how many is it serving now?

    Every request passes here, whoever sends it: the ``aws`` fixture's clients, a
    plain ``boto3.client``, a student's own ``boto3.Session``, a Lambda worker,
    moto calling itself. So a test that asked nothing of moto costs no reset.
    The answer is the process's, as moto's state is: every moto server in it
    (a pytester run inside a lab run starts its own) serves the same state.
    """

    served = False  # on the class, on purpose: see above
    serving = 0
    _counting = threading.Lock()

    def __init__(self, app) -> None:
        self.app = app

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != RESET_PATH:
            ServedSinceReset.served = True
        with ServedSinceReset._counting:
            ServedSinceReset.serving += 1
        try:
            return self.app(environ, start_response)
        finally:
            with ServedSinceReset._counting:
                ServedSinceReset.serving -= 1


def works_for_moto(thread: threading.Thread) -> bool:
    """Whether ``thread`` runs moto's code: the few things moto does in the background
    (a Step Functions execution, a CloudFormation custom resource's invoke)."""
    # Thread keeps its target until its run ends; moto starts every such thread
    # with target=, a function or a bound method of its own modules.
    target = getattr(thread, "_target", None)
    return thread.is_alive() and (getattr(target, "__module__", None) or "").startswith("moto.")


class FirstConnection:
    """Calls ``start`` in a thread of its own when a connection arrives on ``listening``.

    Whoever connects, this process or another (a subprocess a lab runs), finds
    the server up: the connection waits in the socket's backlog meanwhile.
    ``stop()`` ends the wait; ``start`` is not called after it returns.
    """

    def __init__(self, listening: socket.socket, start: Callable[[], None]) -> None:
        self._wake, self._woken = socket.socketpair()
        self._thread = threading.Thread(
            target=self._wait, args=(listening, start), name="awslab-moto-on-demand", daemon=True
        )
        self._thread.start()

    def _wait(self, listening: socket.socket, start: Callable[[], None]) -> None:
        with self._woken:
            ready, _, _ = select.select([listening, self._woken], [], [])
        if self._woken not in ready:
            start()

    def stop(self) -> None:
        try:
            self._wake.send(b"\0")
        except OSError:
            pass  # the thread has seen its connection and closed its end
        self._thread.join()
        self._wake.close()


class MotoBackend(Backend):
    name = "moto"
    moves_time = True  # moto reads the process clock, which time-machine moves
    settle_seconds = 3.0  # moto delivers in-process, within milliseconds
    # moto changes a resource's state inside the call (a table is ACTIVE once created):
    # a waiter that has not seen the state within moto's bound never will.
    waiter_seconds = settle_seconds

    def __init__(self) -> None:
        super().__init__()
        # The port is taken now and moto started on first use: the run points every
        # client at it (AWS_ENDPOINT_URL) at once, and a run that never calls AWS
        # never pays for moto. Until it runs, connections wait in the socket's backlog.
        self._socket: socket.socket | None = socket.create_server(("127.0.0.1", 0))
        host, port = self._socket.getsockname()[:2]
        self.endpoint_url = f"http://{host}:{port}"
        self._lock = threading.Lock()  # one start, one stop
        self._watcher: FirstConnection | None = None
        self._server: BaseWSGIServer | None = None
        self._app: ServedSinceReset | None = None  # what the server serves
        self._lambda: MotoLambdaRuntime | None = None  # the Python runtime in moto's Lambda
        self._start_error: Exception | None = None

    @property
    def running(self) -> bool:
        """Whether moto has started (at a first connection, or when asked)."""
        return self._server is not None

    @property
    def served_since_reset(self) -> bool:
        """Whether moto (any moto server of this process) has served a request since
        its state was last reset."""
        return ServedSinceReset.served

    def start_on_first_connection(self) -> None:
        if self._socket is not None and self._watcher is None:
            self._watcher = FirstConnection(self._socket, self._start_at_first_connection)

    def _start_at_first_connection(self) -> None:
        # In the watcher's thread. If start() or stop() holds the lock, it takes over.
        if not self._lock.acquire(blocking=False):
            return
        try:
            self._start()
        except Exception as error:
            log.exception("awslab: moto could not start")
            # Refuse the waiting connections now rather than at their timeout.
            self._start_error = error
            if self._socket is not None:
                self._socket.close()
                self._socket = None
        finally:
            self._lock.release()

    def start(self) -> None:
        with self._lock:
            self._stop_watching()
            self._start()

    def warm_up(self) -> None:
        _choose_images()
        # What _start imports: the server, and moto's Lambda, which the runtime patches.
        import moto.awslambda.models  # noqa: F401
        import moto.moto_server.werkzeug_app  # noqa: F401
        import werkzeug.serving  # noqa: F401

    def _start(self) -> None:
        if self._server is not None:
            return
        if self._socket is None:
            raise RuntimeError(f"moto could not start: {self._start_error or 'it was stopped'}")
        _choose_images()
        # First: botocore's data files are to be parsed once from moto's first import on.
        moto_costs.install()
        from moto.moto_server.werkzeug_app import (
            DomainDispatcherApplication,
            MotoRequestHandler,
            create_backend_app,
        )
        from werkzeug.serving import make_server

        # moto runs Lambda code only in Docker; this runs Python handlers in local workers.
        # It is patched in as moto imports its Lambda, at a first request that needs it:
        # a run that never does saves the import (some 0.1 s).
        check_moto_version()
        self._lambda = MotoLambdaRuntime(self.endpoint_url)
        moto_costs.when_imported("moto.awslambda.models", self._install_lambda)
        moto_waits.install()  # a long poll, a Wait state... end when the clock passes their end
        # One line per request would bury the test output.
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        app = self._app = ServedSinceReset(DomainDispatcherApplication(create_backend_app))
        assert self._socket is not None  # taken at construction, given up only here or at stop
        host, port = self._socket.getsockname()[:2]
        # What moto's ThreadedMotoServer does, on the socket taken at construction.
        self._server = make_server(
            host,
            port,
            app,
            threaded=True,
            request_handler=MotoRequestHandler,
            fd=self._socket.fileno(),
        )
        self._socket.close()  # the server listens on its own duplicate
        self._socket = None
        server = self._server
        threading.Thread(target=server.serve_forever, name="awslab-moto", daemon=True).start()

    def _install_lambda(self) -> None:
        runtime = self._lambda
        if runtime is not None:  # a backend stopped meanwhile leaves moto as it is
            runtime.install()

    def _stop_watching(self) -> None:
        watcher, self._watcher = self._watcher, None
        if watcher is not None:
            watcher.stop()

    def answer_in_process(self, request: AWSPreparedRequest) -> AWSResponse | None:
        if not request.url.startswith(f"{self.endpoint_url}/"):
            return None  # another address: a presigned URL elsewhere, say, goes as it is
        if self._app is None:
            self.start()
        assert self._app is not None
        return moto_in_process.answer(self._app, request)

    def clock_moved(self) -> None:
        moto_waits.clock_moved()

    def quiet(self) -> bool:
        # moto does its work inside the request that causes it (a delivery to a queue, an
        # invoke of a function), except for the few threads it starts.
        return ServedSinceReset.serving == 0 and not any(
            works_for_moto(thread) for thread in threading.enumerate()
        )

    def next_wait(self) -> float | None:
        return moto_waits.next_deadline()

    def environment(self) -> dict[str, str]:
        # moto's own service integrations (a Step Functions Task calling SQS, say)
        # call back into the server at localhost:$MOTO_PORT, 5000 unless told.
        return {"MOTO_PORT": str(self.endpoint_url).rsplit(":", 1)[1]}

    def stop(self) -> None:
        with self._lock:
            self._stop_watching()
            if self._lambda is not None:
                self._lambda.uninstall()  # stops every worker process
                self._lambda = None
            if self._server is not None:
                server, self._server, self._app = self._server, None, None

                def shut_down() -> None:
                    server.shutdown()
                    server.server_close()

                # Werkzeug notices a shutdown only at its next 0.5 s poll; let a daemon
                # thread wait for that instead of every test run.
                threading.Thread(target=shut_down, daemon=True).start()
            if self._socket is not None:  # never started
                self._socket.close()
                self._socket = None

    def enforce_iam(self, enforced: bool) -> None:
        # moto checks signatures and policies once it has served N more requests:
        # 0 for from now on, inf for never (its default).
        self._call_moto_api("/moto-api/reset-auth", b"0" if enforced else b"inf")

    def _call_moto_api(self, path: str, body: bytes = b"") -> None:
        """POST to moto's own API (``/moto-api/...``), in this process."""
        self.start()
        assert self._app is not None
        request = AWSPreparedRequest(
            "POST",
            f"{self.endpoint_url}{path}",
            # A form body would be parsed away.
            {"Content-Type": "text/plain"},
            body,
            stream_output=False,
        )
        status = moto_in_process.answer(self._app, request).status_code
        if status != 200:
            raise RuntimeError(f"moto's {path} answered HTTP {status}")

    def isolate(self) -> None:
        if not self.served_since_reset:
            return  # nothing to undo, and no HTTP call plus moto rebuilding its backends
        ServedSinceReset.served = False  # before the reset: a request during it counts again
        # Every service's state, in one call: cheaper than deleting resources one by one.
        # (This process's moto, whichever server of it served the requests.)
        self._call_moto_api(RESET_PATH)
        if self._lambda is not None:
            self._lambda.runtime.stop_workers()  # their functions are gone with the reset

    def clean_up(
        self, session: boto3.Session, prefix: str, called: Collection[str] | None = None
    ) -> None:
        pass  # the next test's isolate() resets everything


def _choose_images() -> None:
    chosen = {"MOTO_AMIS_PATH", "MOTO_EC2_LOAD_DEFAULT_AMIS"} & set(os.environ)
    if not chosen and "moto.ec2.models.amis" not in sys.modules:
        # moto reads it as it imports its EC2 images, and at every EC2 backend
        # it creates after; so it is set for the whole process. A user's own choice stands.
        os.environ["MOTO_AMIS_PATH"] = str(write_image_catalogue())


def write_image_catalogue() -> Path:
    """moto's default images and its latest Amazon images of us-east-1, as one file
    for ``MOTO_AMIS_PATH``; its path.

    By default moto loads some 1,300 images, most of them ECS-optimized, into each
    region's EC2 backend whenever it creates one: at first use and at every reset,
    so before every EC2 test. ``bench/topic_walls.py`` put the EC2 lab at 6.1 s with
    them and 4.0 s with this catalogue, which keeps the images a lab looks up
    (Amazon Linux, Windows, ...) in every region, with the ids of us-east-1.
    """
    from moto import __version__
    from moto.utilities.utils import load_resource

    user = os.getuid() if hasattr(os, "getuid") else ""
    path = Path(tempfile.gettempdir()) / f"awslab-moto-{__version__}-images-{user}.json"
    if not path.exists():
        images = load_resource("ec2/resources/amis.json")
        images += load_resource("ec2/resources/latest_amis/us-east-1.json")
        # Written whole, then renamed: xdist workers may write it at the same moment.
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(json.dumps(images), encoding="utf-8")
        partial.replace(path)
    return path
