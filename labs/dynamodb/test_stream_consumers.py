"""Who reads a table's changes: a Lambda function, or a Kinesis data stream.

An orders table keeps a stream of its item-level changes. Lambda reads it
through an *event source mapping*: Lambda, not the table, polls the stream's
shards (the mapping names the stream's ARN, ``LatestStreamArn``, never the
table's) and invokes the function with batches of records, each saying what
happened (INSERT, MODIFY, REMOVE) with the images the stream keeps.

A table can also send the same changes to a Kinesis data stream of your own
(``EnableKinesisStreamingDestination``): a destination beside DynamoDB Streams,
read by any Kinesis consumer (the KCL, Firehose, Lambda), and kept as long as
that stream keeps its records (up to a year, where DynamoDB Streams keeps 24
hours).

Notes, "dynamodb > dynamodb streams > downstream" and "with lambda".
"""

from __future__ import annotations

import json

import pytest

#: Logs one line per record: ``CHANGE INSERT o-1``.
RECORDER = """
def handler(event, context):
    for record in event["Records"]:
        print("CHANGE", record["eventName"], record["dynamodb"]["Keys"]["order_id"]["S"])
"""
MAPPING_API = "https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html"


@pytest.fixture
def orders(aws, create_table) -> dict:
    """An orders table with a NEW_IMAGE stream: its description (``TableName``,
    ``LatestStreamArn``, ``TableArn``...)."""
    stream = {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}
    name = create_table("orders", ("order_id", "S"), StreamSpecification=stream)
    return aws.dynamodb.describe_table(TableName=name)["Table"]


def changes_seen(aws, function: str) -> list[str]:
    """What the function logged: ``["INSERT o-1", ...]``."""
    events = aws.logs.filter_log_events(logGroupName=f"/aws/lambda/{function}")["events"]
    lines = [event["message"].strip() for event in events]
    return [line.removeprefix("CHANGE ") for line in lines if line.startswith("CHANGE ")]


def order(order_id: str) -> dict:
    return {"order_id": {"S": order_id}, "total": {"N": "42"}}


@pytest.mark.claim(
    "dynamodb.stream-to-lambda-mapping",
    quote="using event source mapping",
    line=1690,
    source="https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html",
)
def test_lambda_reads_the_stream_through_an_event_source_mapping(aws, functions, orders):
    function = functions.deploy(RECORDER)["FunctionName"]
    # HINT: map the table's stream to the function, from the oldest record still in it;
    # HINT: keep CreateEventSourceMapping's answer in `mapping`.
    # BEGIN SOLUTION
    mapping = aws.lambda_.create_event_source_mapping(
        EventSourceArn=orders["LatestStreamArn"],
        FunctionName=function,
        StartingPosition="TRIM_HORIZON",
    )
    # END SOLUTION
    assert mapping["EventSourceArn"] == orders["LatestStreamArn"] != orders["TableArn"]
    assert mapping["BatchSize"] == 100, "a stream mapping's default batch"
    listed = aws.lambda_.list_event_source_mappings(EventSourceArn=orders["LatestStreamArn"])
    assert [m["UUID"] for m in listed["EventSourceMappings"]] == [mapping["UUID"]]


@pytest.mark.claim(
    "dynamodb.stream-feeds-lambda",
    quote="lambda",
    line=1675,
    source=MAPPING_API,
)
def test_each_change_reaches_the_function(aws, functions, orders, eventually):
    function = functions.deploy(RECORDER)["FunctionName"]
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=orders["LatestStreamArn"],
        FunctionName=function,
        StartingPosition="TRIM_HORIZON",
    )
    table = orders["TableName"]
    # HINT: make the function see "INSERT o-1", then "REMOVE o-1": write the order
    # HINT: (order("o-1") builds it), then delete it.
    # BEGIN SOLUTION
    aws.dynamodb.put_item(TableName=table, Item=order("o-1"))
    aws.dynamodb.delete_item(TableName=table, Key={"order_id": {"S": "o-1"}})
    # END SOLUTION

    def both_seen() -> list[str] | bool:
        seen = changes_seen(aws, function)
        return len(seen) >= 2 and seen

    seen = eventually(both_seen, aws_takes=120)  # a new mapping may take a minute to start
    assert seen == ["INSERT o-1", "REMOVE o-1"], "every change, in order"


@pytest.mark.claim(
    "dynamodb.changes-to-kinesis",
    quote="kds",
    line=1674,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/kds.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not implement EnableKinesisStreamingDestination; AWS sends each "
    "item-level change of the table to the Kinesis data stream",
)
def test_a_table_sends_its_changes_to_a_kinesis_data_stream(
    aws, create_table, unique_name, eventually
):
    table = create_table("orders", ("order_id", "S"))
    name = unique_name("order-changes")
    aws.kinesis.create_stream(StreamName=name, ShardCount=1)
    aws.kinesis.get_waiter("stream_exists").wait(
        StreamName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    summary = aws.kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    # HINT: send the table's item-level changes to the Kinesis data stream summary["StreamARN"].
    # BEGIN SOLUTION
    aws.dynamodb.enable_kinesis_streaming_destination(
        TableName=table, StreamArn=summary["StreamARN"]
    )
    # END SOLUTION

    def destination_active() -> bool:
        described = aws.dynamodb.describe_kinesis_streaming_destination(TableName=table)
        statuses = [d["DestinationStatus"] for d in described["KinesisDataStreamDestinations"]]
        return statuses == ["ACTIVE"]

    eventually(destination_active, aws_takes=120)
    aws.dynamodb.put_item(TableName=table, Item=order("o-1"))

    def records() -> list[dict]:
        shard = aws.kinesis.list_shards(StreamName=name)["Shards"][0]["ShardId"]
        iterator = aws.kinesis.get_shard_iterator(
            StreamName=name, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        found: list[dict] = []
        for _ in range(5):  # a shard may answer an empty page before its records
            page = aws.kinesis.get_records(ShardIterator=iterator)
            found += [json.loads(record["Data"]) for record in page["Records"]]
            iterator = page["NextShardIterator"]
        return found

    [change] = eventually(records, aws_takes=60)
    assert change["eventName"] == "INSERT"
    assert change["dynamodb"]["NewImage"] == order("o-1")
