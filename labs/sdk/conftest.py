"""Shared fixtures for the SDK labs: a throwaway home folder, and a stub AWS endpoint.

Nothing here needs an emulator. The credentials labs build a fresh ``~/.aws``
in a temporary HOME; the retry labs point a client at a tiny HTTP server on
127.0.0.1 that answers whatever the lab scripts, and counts what it received.
"""

from __future__ import annotations

import json
import os
import threading
import types
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import boto3
import pytest
from botocore.config import Config


class AwsHome:
    """A temporary HOME with its own ``~/.aws``, and no AWS_* variable set."""

    def __init__(self, home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.home = home
        self._env = monkeypatch
        (home / ".aws").mkdir()
        for name in list(os.environ):
            if name.startswith("AWS_"):
                monkeypatch.delenv(name)
        monkeypatch.setenv("HOME", str(home))
        monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")  # no instance profile here

    def credentials_file(self, text: str) -> None:
        """Writes ``~/.aws/credentials`` (what ``aws configure`` writes)."""
        (self.home / ".aws" / "credentials").write_text(text)

    def config_file(self, text: str) -> None:
        """Writes ``~/.aws/config``."""
        (self.home / ".aws" / "config").write_text(text)

    def setenv(self, name: str, value: str) -> None:
        self._env.setenv(name, value)

    def delenv(self, name: str) -> None:
        self._env.delenv(name, raising=False)


@pytest.fixture
def aws_home(tmp_path, monkeypatch) -> AwsHome:
    return AwsHome(tmp_path, monkeypatch)


class StubEndpoint:
    """A local HTTP server that plays any AWS JSON-protocol service (Kinesis, DynamoDB...).

    ``answers`` is the script: each request pops the next ``(status, error code or None)``;
    when the script runs out, requests succeed. ``requests`` counts what arrived.
    """

    def __init__(self) -> None:
        self.answers: list[tuple[int, str | None]] = []
        self.requests = 0
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                stub.requests += 1
                status, code = stub.answers.pop(0) if stub.answers else (200, None)
                body = json.dumps({"__type": code, "message": code} if code else {})
                self.send_response(status)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def script(self, *answers: tuple[int, str | None]) -> None:
        self.answers = list(answers)
        self.requests = 0

    def client(self, service: str = "kinesis", **retries):
        """A boto3 client for the stub; ``retries`` go to botocore's ``Config(retries=...)``."""
        config = Config(retries=retries) if retries else None
        return boto3.client(
            service,
            endpoint_url=self.url,
            region_name="us-east-1",
            aws_access_key_id="stub",
            aws_secret_access_key="stub",
            config=config,
        )


@pytest.fixture
def stub(monkeypatch) -> Iterator[StubEndpoint]:
    for name in ("AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_CONFIG_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")  # no retry settings from a profile
    endpoint = StubEndpoint()
    endpoint.thread.start()
    yield endpoint
    endpoint.server.shutdown()
    endpoint.server.server_close()


@pytest.fixture
def backoff_sleeps(monkeypatch) -> list[float]:
    """The waits botocore takes between attempts, recorded instead of slept."""
    import botocore.endpoint

    slept: list[float] = []
    fake_time = types.SimpleNamespace(**vars(botocore.endpoint.time))
    fake_time.sleep = slept.append
    monkeypatch.setattr(botocore.endpoint, "time", fake_time)
    return slept


class InstanceMetadata:
    """A stub of an EC2 instance's metadata service (IMDS) with an instance profile attached.

    It serves IMDSv2: ``PUT /latest/api/token`` returns a session token; the role's
    name and temporary credentials are under ``/latest/meta-data/iam/security-credentials/``.
    ``requests`` lists what arrived: (method, path, the session token it carried or None).
    """

    ROLE = "web-server-role"
    TOKEN = "imds-session-token"

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, str | None]] = []
        stub = self
        prefix = "/latest/meta-data/iam/security-credentials/"

        class Handler(BaseHTTPRequestHandler):
            def _answer(self, body: str, status: int = 200) -> None:
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_PUT(self) -> None:  # noqa: N802 (http.server's naming)
                stub.requests.append(("PUT", self.path, None))
                if self.path == "/latest/api/token":
                    return self._answer(stub.TOKEN)
                return self._answer("", 404)

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                token = self.headers.get("X-aws-ec2-metadata-token")
                stub.requests.append(("GET", self.path, token))
                if token != stub.TOKEN:
                    return self._answer("", 401)
                if self.path == prefix:
                    return self._answer(stub.ROLE)
                if self.path == prefix + stub.ROLE:
                    return self._answer(
                        json.dumps(
                            {
                                "Code": "Success",
                                "Type": "AWS-HMAC",
                                "AccessKeyId": "ASIAFROMINSTANCEROLE",
                                "SecretAccessKey": "secret-of-the-instance-role",
                                "Token": "session-token",
                                "Expiration": "2099-01-01T00:00:00Z",
                            }
                        )
                    )
                return self._answer("", 404)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/"
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )


@pytest.fixture
def instance_metadata(aws_home: AwsHome) -> Iterator[InstanceMetadata]:
    """The laptop plays an EC2 instance with a role: botocore's instance metadata provider
    is switched on, and pointed at a stub of IMDS on 127.0.0.1."""
    imds = InstanceMetadata()
    imds.thread.start()
    aws_home.delenv("AWS_EC2_METADATA_DISABLED")
    aws_home.setenv("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url)
    yield imds
    imds.server.shutdown()
    imds.server.server_close()
