"""moto, embedded: a threaded moto server on a free loopback port."""

from __future__ import annotations

import logging
import threading
import urllib.request

import boto3

from harness.backends.base import Backend
from harness.lambda_runtime import MotoLambdaRuntime


class MotoBackend(Backend):
    name = "moto"
    moves_time = True  # moto reads the process clock, which time-machine moves
    settle_seconds = 3.0  # moto delivers in-process, within milliseconds

    def __init__(self) -> None:
        super().__init__()
        self._server = None
        self._lambda = None  # the Python runtime plugged into moto's Lambda

    def start(self) -> None:
        from moto.server import ThreadedMotoServer

        # One line per request would bury the test output.
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.endpoint_url = f"http://{host}:{port}"
        # moto runs Lambda code only in Docker; this runs Python handlers in local workers.
        self._lambda = MotoLambdaRuntime(self.endpoint_url)
        self._lambda.install()

    def environment(self) -> dict[str, str]:
        # moto's own service integrations (a Step Functions Task calling SQS, say)
        # call back into the server at localhost:$MOTO_PORT, 5000 unless told.
        return {"MOTO_PORT": self.endpoint_url.rsplit(":", 1)[1]}

    def stop(self) -> None:
        if self._lambda is not None:
            self._lambda.uninstall()  # stops every worker process
            self._lambda = None
        if self._server is not None:
            # Werkzeug notices a shutdown only at its next 0.5 s poll; let a daemon
            # thread wait for that instead of every test run.
            threading.Thread(target=self._server.stop, daemon=True).start()
            self._server = None

    def enforce_iam(self, enforced: bool) -> None:
        # moto checks signatures and policies once it has served N more requests:
        # 0 for from now on, inf for never (its default).
        request = urllib.request.Request(
            f"{self.endpoint_url}/moto-api/reset-auth",
            data=b"0" if enforced else b"inf",
            headers={"Content-Type": "text/plain"},  # a form body would be parsed away
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10):
            pass

    def isolate(self) -> None:
        # Every service's state, in one call: cheaper than deleting resources one by one.
        request = urllib.request.Request(f"{self.endpoint_url}/moto-api/reset", method="POST")
        with urllib.request.urlopen(request, timeout=10):
            pass
        if self._lambda is not None:
            self._lambda.runtime.stop_workers()  # their functions are gone with the reset

    def clean_up(self, session: boto3.Session, prefix: str) -> None:
        pass  # the next test's isolate() resets everything
