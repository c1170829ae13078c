"""LocalStack, already running: Docker, or the host-mode launcher."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request

import boto3
from botocore.exceptions import ClientError
from localstack_client.config import get_service_endpoint
from tenacity import Retrying, retry_if_exception_type, stop_after_delay, wait_fixed

from harness.backends.base import Backend
from harness.errors import BackendUnavailable
from harness.launcher import localstack as launcher

HEALTH_TIMEOUT_SECONDS = 5
#: Services LocalStack serves from a process of their own, started at their first
#: call (Kinesis: kinesis-mock; DynamoDB: DynamoDB Local), and a call that starts it.
#: Until that process listens, LocalStack answers InternalError (seen once in CI:
#: CreateStream refused while kinesis-mock was starting, on a loaded machine).
STARTED_ON_FIRST_CALL = {"kinesis": "list_streams", "dynamodb": "list_tables"}
READY_TIMEOUT_SECONDS = 60


class LocalStackBackend(Backend):
    name = "localstack"

    def __init__(self) -> None:
        super().__init__()
        # AWSLAB_LOCALSTACK_URL wins; otherwise localstack-client's own rules
        # (LOCALSTACK_HOST, USE_SSL), which default to http://localhost:4566.
        self.endpoint_url = os.environ.get("AWSLAB_LOCALSTACK_URL") or get_service_endpoint("sqs")
        self.services: dict[str, str] = {}

    def check_allowed(self) -> None:
        # Checked when the run starts, so a LocalStack that is down costs one
        # line and at most HEALTH_TIMEOUT_SECONDS, not one error per test.
        self.services = self._health()

    def start(self) -> None:
        """Wait until the services LocalStack starts at their first call answer, so that
        no test's first call meets one still starting."""
        for service, call in STARTED_ON_FIRST_CALL.items():
            if self.missing_service(service) is None:
                self._wait_ready(service, call)

    def _wait_ready(self, service: str, call: str) -> None:
        client = boto3.client(service, endpoint_url=self.endpoint_url, region_name="us-east-1")
        retrying = Retrying(
            stop=stop_after_delay(READY_TIMEOUT_SECONDS),
            wait=wait_fixed(0.2),
            retry=retry_if_exception_type(ClientError),
            reraise=True,
        )
        try:
            retrying(getattr(client, call))
        except ClientError as error:
            raise BackendUnavailable(
                f"LocalStack at {self.endpoint_url} did not get {service} ready within "
                f"{READY_TIMEOUT_SECONDS} s ({error}); its log may say why "
                "(`awslab localstack status` says where it runs)"
            ) from None

    def _health(self) -> dict[str, str]:
        url = f"{self.endpoint_url}/_localstack/health"
        try:
            with urllib.request.urlopen(url, timeout=HEALTH_TIMEOUT_SECONDS) as response:
                return json.load(response).get("services", {})
        except (OSError, urllib.error.URLError, ValueError) as error:
            raise BackendUnavailable(
                f"LocalStack is not answering at {self.endpoint_url} ({_reason(error)}). "
                "Start it with `awslab localstack up` (`--no-docker` without a Docker engine), "
                "or set AWSLAB_LOCALSTACK_URL to where it runs, or use --backend moto."
            ) from None

    def missing_service(self, service: str) -> str | None:
        name = LOCALSTACK_NAMES.get(service, service)
        status = self.services.get(name)
        if status is None and self.services:
            # The health check lists every service this LocalStack has; the free
            # edition has no Cognito, X-Ray or ECS, for one.
            return f"LocalStack at {self.endpoint_url} does not offer {name} (its edition has none)"
        if status is None or status in USABLE:
            return None
        reason = f"LocalStack at {self.endpoint_url} reports {name} as {status!r}"
        why = launcher.why_left_out(self.endpoint_url, name)  # when awslab started it
        return f"{reason} ({why})" if why else reason


#: LocalStack's health endpoint names a few services differently from boto3.
LOCALSTACK_NAMES = {
    "s3control": "s3",
    "dynamodbstreams": "dynamodbstreams",
    "stepfunctions": "stepfunctions",
}
USABLE = {"available", "running", "initialized"}


def _reason(error: Exception) -> str:
    reason = getattr(error, "reason", error)
    return str(reason) or type(error).__name__
