"""LocalStack's services that start a process at their first call are ready before a test."""

from __future__ import annotations

import boto3
import pytest
from botocore.stub import Stubber

from harness.backends import localstack
from harness.errors import BackendUnavailable


def starting(monkeypatch: pytest.MonkeyPatch, refusals: int) -> dict[str, Stubber]:
    """Kinesis and DynamoDB clients that answer InternalError ``refusals`` times, then 200."""
    stubs = {}
    make = boto3.client

    def client(service: str, **kwargs):
        made = make(
            service, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
        )
        stub = stubs[service] = Stubber(made)
        call = localstack.STARTED_ON_FIRST_CALL[service]
        for _ in range(refusals):
            stub.add_client_error(call, "InternalError", http_status_code=500)
        stub.add_response(call, {"StreamNames": [], "HasMoreStreams": False}
                          if service == "kinesis" else {"TableNames": []})  # fmt: skip
        stub.activate()
        return made

    monkeypatch.setattr(localstack.boto3, "client", client)
    return stubs


def test_a_service_still_starting_is_waited_for(monkeypatch: pytest.MonkeyPatch):
    stubs = starting(monkeypatch, refusals=2)
    backend = localstack.LocalStackBackend()
    backend.services = {"kinesis": "available", "dynamodb": "available", "sqs": "running"}
    backend.start()
    for stub in stubs.values():
        stub.assert_no_pending_responses()  # two refusals, then the answer: all asked


def test_a_service_that_never_starts_is_one_clear_error(monkeypatch: pytest.MonkeyPatch):
    starting(monkeypatch, refusals=1000)
    monkeypatch.setattr(localstack, "READY_TIMEOUT_SECONDS", 0.5)
    backend = localstack.LocalStackBackend()
    backend.services = {"kinesis": "available"}
    with pytest.raises(BackendUnavailable, match="did not get kinesis ready within 0.5 s"):
        backend.start()


def test_a_service_this_localstack_lacks_is_not_called(monkeypatch: pytest.MonkeyPatch):
    stubs = starting(monkeypatch, refusals=0)
    backend = localstack.LocalStackBackend()
    backend.services = {"sqs": "running"}  # neither Kinesis nor DynamoDB
    backend.start()
    assert stubs == {}
