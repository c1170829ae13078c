"""Shared fixtures for the SQS labs: a fresh queue, and a short way to read it."""

from __future__ import annotations

import pytest


@pytest.fixture
def queue(aws, unique_name) -> str:
    """The URL of a new standard queue with every attribute at its default."""
    return aws.sqs.create_queue(QueueName=unique_name("queue"))["QueueUrl"]


@pytest.fixture
def fifo_queue(aws, unique_name) -> str:
    """The URL of a new FIFO queue (name ends in .fifo), content-based deduplication off."""
    return aws.sqs.create_queue(
        QueueName=unique_name("queue.fifo"), Attributes={"FifoQueue": "true"}
    )["QueueUrl"]


@pytest.fixture
def receive(aws):
    """``receive(url, max=10)``: the bodies of the messages visible now (no long poll)."""

    def receive(url: str, max: int = 10, **options) -> list[str]:
        messages = aws.sqs.receive_message(
            QueueUrl=url, MaxNumberOfMessages=max, WaitTimeSeconds=0, **options
        ).get("Messages", [])
        return [message["Body"] for message in messages]

    return receive


def attribute(aws, url: str, name: str) -> str:
    """One queue attribute, as SQS returns it (a string)."""
    return aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[name])["Attributes"][name]


@pytest.fixture
def queue_attribute(aws):
    """``queue_attribute(url, "VisibilityTimeout")`` -> ``"30"``."""
    return lambda url, name: attribute(aws, url, name)
