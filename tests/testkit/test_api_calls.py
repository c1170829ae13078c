"""The record of a test's AWS calls: shown beside a failure, and what a clean-up sweeps."""

from __future__ import annotations

import boto3

from harness.testkit.api_calls import ApiCalls


def test_a_service_only_read_from_has_nothing_to_sweep(aws_backend, unique_name):
    session = boto3.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1"
    )
    calls = ApiCalls()
    calls.attach(session)
    iam = session.client("iam", endpoint_url=aws_backend.endpoint_url)
    sqs = session.client("sqs", endpoint_url=aws_backend.endpoint_url)
    iam.list_roles()
    sqs.create_queue(QueueName=unique_name("orders"))
    sqs.get_queue_url(QueueName=unique_name("orders"))
    assert calls.summary() == "ListRoles, CreateQueue, GetQueueUrl"
    assert calls.services_written == {"sqs"}, "IAM was only read: no sweep of it"
