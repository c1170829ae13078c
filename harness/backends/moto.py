"""moto, embedded: a threaded moto server on a free loopback port."""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
import threading
import urllib.request
from pathlib import Path

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
        chosen = {"MOTO_AMIS_PATH", "MOTO_EC2_LOAD_DEFAULT_AMIS"} & set(os.environ)
        if not chosen and "moto.ec2.models.amis" not in sys.modules:
            # moto reads it as it imports its EC2 images, and at every EC2 backend
            # it creates after; so it is set for the whole process. A user's own choice stands.
            os.environ["MOTO_AMIS_PATH"] = str(write_image_catalogue())
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
