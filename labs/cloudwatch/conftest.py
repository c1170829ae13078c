"""Shared fixtures for the CloudWatch labs: a namespace of your own, and an SNS -> SQS inbox."""

from __future__ import annotations

import time

import pytest

from harness.testkit.inbox import Inbox


@pytest.fixture
def namespace(unique_name) -> str:
    """A custom metric namespace no other test writes to (``lab1a2b3c4d-App``)."""
    return unique_name("App")


@pytest.fixture
def inbox(aws, unique_name) -> tuple[str, Inbox]:
    """``(topic_arn, queue)``: an SNS topic whose messages land, raw, in an SQS queue."""
    topic = aws.sns.create_topic(Name=unique_name("alarms"))["TopicArn"]
    queue = Inbox.create(aws.sqs, unique_name("alarm-inbox"))
    queue.allow("sns.amazonaws.com", topic)
    aws.sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=queue.arn,
        Attributes={"RawMessageDelivery": "true"},
    )
    return topic, queue


@pytest.fixture
def alarm_settings(namespace) -> dict:
    """PutMetricAlarm arguments for "Errors > 5 in one minute" on the lab's namespace."""
    return {
        "Namespace": namespace,
        "MetricName": "Errors",
        "Statistic": "Sum",
        "Period": 60,
        "EvaluationPeriods": 1,
        "Threshold": 5,
        "ComparisonOperator": "GreaterThanThreshold",
    }


@pytest.fixture
def log_stream(aws, unique_name) -> tuple[str, str]:
    """(group, stream): a new log group with one stream, "web-1"."""
    group = unique_name("/app/orders")
    aws.logs.create_log_group(logGroupName=group)
    aws.logs.create_log_stream(logGroupName=group, logStreamName="web-1")
    return group, "web-1"


@pytest.fixture
def put_logs(aws):
    """``put_logs(group, stream, "line", ...)``: log events stamped now."""

    def put_logs(group: str, stream: str, *lines: str) -> None:
        now = int(time.time() * 1000)
        events = [{"timestamp": now, "message": line} for line in lines]
        aws.logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=events)

    return put_logs


@pytest.fixture
def put_events(aws):
    """``put_events(group, stream, (timestamp_ms, "line"), ...)``: PutLogEvents' answer.

    For events stamped at chosen times (``put_logs`` stamps them now).
    """

    def put_events(group: str, stream: str, *events: tuple[int, str]) -> dict:
        log_events = [{"timestamp": at, "message": message} for at, message in events]
        return aws.logs.put_log_events(
            logGroupName=group, logStreamName=stream, logEvents=log_events
        )

    return put_events
