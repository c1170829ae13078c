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

from harness.testkit.iam import service_role

# The Lambda destination: unpacks the batch and logs each message it got. Lambda writes a
# function's output to its own log group, /aws/lambda/<name>, where the test reads it back.
# (Standard library only: importing an SDK would add a third of a second to each start.)
RECEIVER = textwrap.dedent(
    """
    import base64
    import gzip
    import json


    def handler(event, context):
        batch = json.loads(gzip.decompress(base64.b64decode(event["awslogs"]["data"])))
        for log_event in batch["logEvents"]:
            print("received:", log_event["message"])
    """
)
RECEIVED = "received: "


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
    role = service_role(aws.iam, unique_name("logs-to-kinesis"), "logs.amazonaws.com")
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


def delivered(aws, stream: str) -> list[str]:
    """The messages of every log event the stream received, in order (data batches only)."""
    batches = [json.loads(gzip.decompress(data)) for data in records(aws, stream)]
    return [
        log_event["message"]
        for batch in batches
        if batch["messageType"] == "DATA_MESSAGE"
        for log_event in batch["logEvents"]
    ]


@pytest.mark.claim(
    "cloudwatch.subscription-real-time",
    quote="real-time log events",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Subscriptions.html",
)
def test_a_subscription_streams_events_as_they_arrive(
    aws, log_stream, kinesis_stream, unique_name, eventually, put_logs
):
    group, stream = log_stream
    stream_name, stream_arn = kinesis_stream
    put_logs(group, stream, "order 1 placed")
    role = service_role(aws.iam, unique_name("logs-to-kinesis"), "logs.amazonaws.com")
    aws.logs.put_subscription_filter(
        logGroupName=group,
        filterName="all",
        filterPattern="",
        destinationArn=stream_arn,
        roleArn=role,
    )
    put_logs(group, stream, "order 2 placed")
    # Each event is on its way as soon as it is put: no export to ask for, no batch to close.
    assert eventually(lambda: delivered(aws, stream_name)) == ["order 2 placed"]
    put_logs(group, stream, "order 3 placed")
    # HINT: predict every message the stream has received once "order 3 placed" arrives,
    # HINT: in order (the first order was logged before the subscription existed).
    # BEGIN SOLUTION
    expected = ["order 2 placed", "order 3 placed"]
    # END SOLUTION

    def both() -> list[str] | None:
        found = delivered(aws, stream_name)
        return found if "order 3 placed" in found else None

    assert eventually(both) == expected


@pytest.fixture
def receiver(aws, functions) -> str:
    """The ARN of a function that logs each log message it gets (see ``received``)."""
    arn = functions.deploy(RECEIVER, "receiver")["FunctionArn"]
    aws.lambda_.add_permission(
        FunctionName=arn,
        StatementId="logs",
        Action="lambda:InvokeFunction",
        Principal="logs.amazonaws.com",
    )
    return arn


def received(aws, function_arn: str, at_least: int = 1):
    """A check for ``eventually``: the messages the function logged it received, sorted,
    once there are at least ``at_least`` of them."""
    group = "/aws/lambda/" + function_arn.split(":")[6]

    def messages() -> list[str] | None:
        try:
            events = aws.logs.filter_log_events(logGroupName=group)["events"]
        except aws.logs.exceptions.ResourceNotFoundException:
            return None  # the function has not run yet
        found = sorted(
            event["message"].strip().removeprefix(RECEIVED)
            for event in events
            if event["message"].startswith(RECEIVED)
        )
        return found if len(found) >= at_least else None

    return messages


@pytest.mark.claim(
    "cloudwatch.subscription-to-lambda", quote="cloudwatch logs: subscription filter + lambda/kdf"
)
def test_a_subscription_filter_invokes_a_function_with_the_events(
    aws, log_stream, receiver, eventually, put_logs
):
    group, stream = log_stream
    # HINT: a subscription filter "all" on `group`, every event (an empty pattern),
    # delivered to the `receiver` function.
    # BEGIN SOLUTION
    aws.logs.put_subscription_filter(
        logGroupName=group, filterName="all", filterPattern="", destinationArn=receiver
    )
    # END SOLUTION
    put_logs(group, stream, "ERROR payment declined", "INFO order placed")
    assert eventually(received(aws, receiver, at_least=2)) == [
        "ERROR payment declined",
        "INFO order placed",
    ]


@pytest.mark.claim(
    "cloudwatch.subscription-filter-pattern",
    quote="subscription filter",
    line=1186,
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores a subscription filter's pattern and delivers every event; "
    "AWS delivers only the events that match it",
)
def test_only_matching_events_are_delivered(aws, log_stream, receiver, eventually, put_logs):
    group, stream = log_stream
    # HINT: the same subscription, but only for events containing the term ERROR.
    # BEGIN SOLUTION
    aws.logs.put_subscription_filter(
        logGroupName=group, filterName="errors", filterPattern="ERROR", destinationArn=receiver
    )
    # END SOLUTION
    put_logs(group, stream, "ERROR payment declined", "INFO order placed")
    assert eventually(received(aws, receiver)) == ["ERROR payment declined"]
    # Anything else arrives close behind, in the same batch.
    with pytest.raises(AssertionError):
        eventually(received(aws, receiver, at_least=2))


@pytest.mark.claim(
    "cloudwatch.cross-account-destination",
    quote="cross-account subscription",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/CreateDestination.html",
)
def test_a_destination_lets_another_account_subscribe(aws, kinesis_stream, unique_name):
    _, stream_arn = kinesis_stream
    role = service_role(aws.iam, unique_name("logs-to-kinesis"), "logs.amazonaws.com")
    destination = aws.logs.put_destination(
        destinationName=unique_name("central"), targetArn=stream_arn, roleArn=role
    )["destination"]
    sender_account = "111122223333"  # the account whose log groups send here
    # HINT: a destination access policy that lets `sender_account` put subscription filters
    # HINT: on this destination (logs:PutSubscriptionFilter on its arn).
    # BEGIN SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": sender_account},
                "Action": "logs:PutSubscriptionFilter",
                "Resource": destination["arn"],
            }
        ],
    }
    aws.logs.put_destination_policy(
        destinationName=destination["destinationName"], accessPolicy=json.dumps(policy)
    )
    # END SOLUTION
    (found,) = aws.logs.describe_destinations(DestinationNamePrefix=destination["destinationName"])[
        "destinations"
    ]
    (statement,) = json.loads(found["accessPolicy"])["Statement"]
    assert statement["Action"] == "logs:PutSubscriptionFilter"
    assert sender_account in json.dumps(statement["Principal"])
    assert found["targetArn"] == stream_arn
