"""Shared fixtures for the Lambda labs: an execution role, and deploying a handler in one call.

On moto the functions really run: the harness's Python runtime
(``harness/lambda_runtime``) starts a warm worker process per function version.
"""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def role(functions) -> str:
    """The ARN of an execution role that Lambda may assume."""
    return functions.role


@pytest.fixture
def deploy(functions):
    """``deploy(source, **config)`` -> the name of a new python3.12 function.

    ``source`` is the text of ``app.py`` (dedented); the handler is ``app.handler``
    unless ``Handler=`` says otherwise. Any other keyword goes to CreateFunction.
    """

    def deploy(source: str, stem: str = "fn", **config) -> str:
        return functions.deploy(source, stem, **config)["FunctionName"]

    return deploy


@pytest.fixture
def invoke(aws):
    """``invoke(name, event=None, **options)`` -> the decoded payload of a synchronous invoke."""

    def invoke(name: str, event: object = None, **options):
        response = aws.lambda_.invoke(
            FunctionName=name, Payload=json.dumps(event if event is not None else {}), **options
        )
        return json.loads(response["Payload"].read() or "null")

    return invoke


@pytest.fixture
def settled(aws):
    """``settled(name)`` -> the function's configuration once it is Active and no update
    is in progress (AWS refuses a configuration change while the last one runs)."""

    def settled(name: str) -> dict:
        aws.lambda_.get_waiter("function_updated_v2").wait(
            FunctionName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
        )
        return aws.lambda_.get_function_configuration(FunctionName=name)

    return settled


@pytest.fixture
def queue_arn(aws):
    """``queue_arn(url)`` -> the queue's ARN, which event source mappings and policies take."""

    def queue_arn(url: str) -> str:
        attributes = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
        return attributes["Attributes"]["QueueArn"]

    return queue_arn


@pytest.fixture
def receive(aws):
    """``receive(url)``: the bodies of the messages visible now (no long poll)."""

    def receive(url: str) -> list[str]:
        messages = aws.sqs.receive_message(
            QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=0
        ).get("Messages", [])
        return [message["Body"] for message in messages]

    return receive
