"""Log events in real time: a subscription filter delivers them to Kinesis or Lambda.

A log group's subscription filter sends each batch of matching log events, as
they arrive, to a destination: a Kinesis data stream, Data Firehose, or a
Lambda function. The batch is one JSON document (``logGroup``, ``logStream``,
``subscriptionFilters``, ``logEvents``), gzip-compressed; Lambda receives it
base64-encoded too, in ``event["awslogs"]["data"]``.

Notes, "aws monitoring and troubleshooting and audit > cloudwatch log subscriptions".
"""

import gzip
import json
import textwrap

import pytest

from harness.lambda_runtime import zip_package

# The Lambda destination: unpacks the batch and forwards each message to a queue.
FORWARDER = textwrap.dedent(
    """
    import base64
    import gzip
    import json
    import os

    import boto3


    def handler(event, context):
        batch = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
        sqs = boto3.client("sqs")
        for log_event in batch["logEvents"]:
            sqs.send_message(QueueUrl=os.environ["INBOX"], MessageBody=log_event["message"])
    """
)


def trust(service: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": service},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
    )


@pytest.fixture
def kinesis_stream(aws, unique_name, eventually) -> tuple[str, str]:
    """``(stream name, stream ARN)`` of an active one-shard Kinesis data stream."""
    name = unique_name("logs")
    aws.kinesis.create_stream(StreamName=name, ShardCount=1)

    def active() -> str | None:
        description = aws.kinesis.describe_stream(StreamName=name)["StreamDescription"]
        return description["StreamARN"] if description["StreamStatus"] == "ACTIVE" else None

    return name, eventually(active)


def records(aws, stream: str) -> list[bytes]:
    """The data of every record in the stream's one shard (boto3 has undone the base64)."""
    shard = aws.kinesis.list_shards(StreamName=stream)["Shards"][0]["ShardId"]
    iterator = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    return [record["Data"] for record in aws.kinesis.get_records(ShardIterator=iterator)["Records"]]


@pytest.mark.claim("cloudwatch.subscription-to-kinesis", quote="lambda, kdf, kds")
def test_a_subscription_filter_streams_gzipped_batches_to_kinesis(
    aws, log_stream, kinesis_stream, unique_name, eventually, put_logs
):
    group, stream = log_stream
    stream_name, stream_arn = kinesis_stream
    role = aws.iam.create_role(
        RoleName=unique_name("logs-to-kinesis"),
        AssumeRolePolicyDocument=trust("logs.amazonaws.com"),
    )["Role"]["Arn"]
    aws.logs.put_subscription_filter(
        logGroupName=group,
        filterName="all",
        filterPattern="",
        destinationArn=stream_arn,
        roleArn=role,
    )
    put_logs(group, stream, "order 1 placed", "order 2 placed")

    # HINT: each record's data is one batch of log events. Write `decode(data)`, which
    # turns it into a dict (what compression? then it is JSON).
    # BEGIN SOLUTION
    def decode(data: bytes) -> dict:
        return json.loads(gzip.decompress(data))

    # END SOLUTION

    def data_batches() -> list[dict]:
        # AWS first sends a CONTROL_MESSAGE to check that the destination is reachable.
        batches = [decode(data) for data in records(aws, stream_name)]
        return [batch for batch in batches if batch["messageType"] == "DATA_MESSAGE"]

    batch = eventually(data_batches)[0]
    assert batch["logGroup"] == group
    assert batch["logStream"] == stream
    assert batch["subscriptionFilters"] == ["all"]
    assert [event["message"] for event in batch["logEvents"]] == [
        "order 1 placed",
        "order 2 placed",
    ]


@pytest.fixture
def inbox(aws, unique_name) -> str:
    return aws.sqs.create_queue(QueueName=unique_name("log-inbox"))["QueueUrl"]


@pytest.fixture
def forwarder(aws, unique_name, inbox) -> str:
    """The ARN of a function that forwards each log message it gets to ``inbox``."""
    role = aws.iam.create_role(
        RoleName=unique_name("forwarder-role"),
        AssumeRolePolicyDocument=trust("lambda.amazonaws.com"),
    )["Role"]["Arn"]
    arn = aws.lambda_.create_function(
        FunctionName=unique_name("forwarder"),
        Runtime="python3.12",
        Role=role,
        Handler="app.handler",
        Code={"ZipFile": zip_package({"app.py": FORWARDER})},
        Environment={"Variables": {"INBOX": inbox}},
    )["FunctionArn"]
    aws.lambda_.add_permission(
        FunctionName=arn,
        StatementId="logs",
        Action="lambda:InvokeFunction",
        Principal="logs.amazonaws.com",
    )
    return arn


def collector(aws, inbox: str, expected: int):
    """A check for ``eventually``: every message forwarded so far, sorted, once there are
    at least ``expected`` of them."""
    seen: list[str] = []

    def forwarded() -> list[str] | None:
        received = aws.sqs.receive_message(
            QueueUrl=inbox, MaxNumberOfMessages=10, WaitTimeSeconds=0
        )
        seen.extend(message["Body"] for message in received.get("Messages", []))
        return sorted(seen) if len(seen) >= expected else None

    return forwarded


@pytest.mark.claim(
    "cloudwatch.subscription-to-lambda", quote="cloudwatch logs: subscription filter + lambda/kdf"
)
def test_a_subscription_filter_invokes_a_function_with_the_events(
    aws, log_stream, forwarder, inbox, eventually, put_logs
):
    group, stream = log_stream
    # HINT: a subscription filter "all" on `group`, every event (an empty pattern),
    # delivered to the `forwarder` function.
    # BEGIN SOLUTION
    aws.logs.put_subscription_filter(
        logGroupName=group, filterName="all", filterPattern="", destinationArn=forwarder
    )
    # END SOLUTION
    put_logs(group, stream, "ERROR payment declined", "INFO order placed")
    assert eventually(collector(aws, inbox, 2)) == [
        "ERROR payment declined",
        "INFO order placed",
    ]


@pytest.mark.claim("cloudwatch.subscription-filter-pattern", quote="subscription filter")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores a subscription filter's pattern and delivers every event; "
    "AWS delivers only the events that match it",
)
def test_only_matching_events_are_delivered(
    aws, log_stream, forwarder, inbox, eventually, delivery_timeout, put_logs
):
    group, stream = log_stream
    # HINT: the same subscription, but only for events containing the term ERROR.
    # BEGIN SOLUTION
    aws.logs.put_subscription_filter(
        logGroupName=group, filterName="errors", filterPattern="ERROR", destinationArn=forwarder
    )
    # END SOLUTION
    put_logs(group, stream, "ERROR payment declined", "INFO order placed")
    forwarded = collector(aws, inbox, 1)
    assert eventually(forwarded) == ["ERROR payment declined"]
    # Anything else arrives close behind, in the same batch.
    with pytest.raises(AssertionError):
        eventually(collector(aws, inbox, 1), timeout=delivery_timeout)
