"""A stream's shards: where to start reading, and how long records stay.

A DynamoDB stream is made of shards, like a Kinesis data stream: DescribeStream
lists them, each with the range of sequence numbers it holds, and a reader
asks GetShardIterator where to start in one: TRIM_HORIZON (the oldest record
still kept), LATEST (only what comes after), AT_SEQUENCE_NUMBER or
AFTER_SEQUENCE_NUMBER. Records are kept 24 hours, then trimmed: a reader that
falls a day behind loses changes.

A table of parcels whose status changes as they travel.

Notes, "dynamodb > dynamodb streams".
"""

from __future__ import annotations

import pytest

HOUR = 3600
LOCALSTACK_STREAM_GAP = (
    "LocalStack drops the changes made while a new table's stream is still ENABLING (about a "
    "second after CreateTable), so the stream stays empty; on AWS the stream of a table "
    "created with one records every change once the table is ACTIVE (a race: on a slow "
    "machine the stream may be enabled before the first change)"
)


@pytest.fixture
def parcels(create_table) -> str:
    return create_table(
        "parcels",
        ("parcel", "S"),
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
    )


def set_status(aws, table: str, status: str) -> None:
    aws.dynamodb.put_item(TableName=table, Item={"parcel": {"S": "p-1"}, "status": {"S": status}})


def the_shard(aws, table: str) -> tuple[str, dict]:
    """(stream ARN, its one shard) of a new table's stream."""
    arn = aws.dynamodb.describe_table(TableName=table)["Table"]["LatestStreamArn"]
    (shard,) = aws.dynamodbstreams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"]
    return arn, shard


def statuses(aws, iterator: str) -> list[str]:
    """The status in each record from ``iterator`` on, until a page comes back empty."""
    found = []
    while iterator:
        page = aws.dynamodbstreams.get_records(ShardIterator=iterator)
        found += [r["dynamodb"]["NewImage"]["status"]["S"] for r in page["Records"]]
        if not page["Records"]:
            break
        iterator = page.get("NextShardIterator")
    return found


@pytest.mark.claim("dynamodb.stream-shards", quote="made of shards, just like kinesis data streams")
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_STREAM_GAP, race=True)
def test_a_shard_iterator_chooses_where_reading_starts(aws, parcels, eventually):
    set_status(aws, parcels, "packed")
    arn, shard = the_shard(aws, parcels)
    assert shard["SequenceNumberRange"]["StartingSequenceNumber"]

    def iterator(kind: str) -> str:
        return aws.dynamodbstreams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType=kind
        )["ShardIterator"]

    eventually(lambda: statuses(aws, iterator("TRIM_HORIZON")) == ["packed"])
    from_now_on = iterator("LATEST")
    set_status(aws, parcels, "shipped")
    # HINT: the statuses read from the oldest record kept, and from the LATEST iterator
    # HINT: taken before "shipped" was written.
    # BEGIN SOLUTION
    expected = {"TRIM_HORIZON": ["packed", "shipped"], "LATEST": ["shipped"]}
    # END SOLUTION
    eventually(lambda: statuses(aws, iterator("TRIM_HORIZON")) == expected["TRIM_HORIZON"])
    assert statuses(aws, from_now_on) == expected["LATEST"]


@pytest.mark.claim(
    "dynamodb.stream-retention-24h",
    quote="retention: 24 hrs",
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto keeps stream records forever; AWS trims them after 24 hours"
)
def test_a_record_is_trimmed_after_24_hours(aws, parcels, clock):
    set_status(aws, parcels, "packed")
    arn, shard = the_shard(aws, parcels)

    def oldest() -> list[str]:
        iterator = aws.dynamodbstreams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        return statuses(aws, iterator)

    clock.advance(23 * HOUR)
    assert oldest() == ["packed"], "still kept after 23 hours"
    # HINT: move the clock past the end of the stream's retention period.
    # BEGIN SOLUTION
    clock.advance(1 * HOUR + 60)
    # END SOLUTION
    assert oldest() == [], "trimmed"
