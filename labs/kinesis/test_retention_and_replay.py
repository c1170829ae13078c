"""Retention and replay: a stream keeps its records, and any reader can start over.

An analytics team reads a stream of orders. Reading does not remove a
record (unlike an SQS message): every record stays for the stream's
retention period, 24 hours by default, up to 365 days, and then expires. So
a reader chooses where to start with its shard iterator: ``TRIM_HORIZON``
(the oldest record kept: replay everything), ``LATEST`` (only what arrives
from now on), ``AT_SEQUENCE_NUMBER`` / ``AFTER_SEQUENCE_NUMBER`` (from a
checkpoint), or ``AT_TIMESTAMP`` (the first record that arrived at or after
a time: "replay the last hour"; a time older than the oldest record kept
reads from the oldest, like ``TRIM_HORIZON``).

Notes, "aws integration and messaging > aws kinesis > kinesis data streams".
"""

from datetime import timedelta

import pytest
from botocore.exceptions import ClientError


@pytest.mark.claim("kinesis.retention-range", quote="retention: 1-365 days")
def test_retention_is_24_hours_by_default_and_up_to_365_days(aws, stream):
    summary = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    # HINT: in hours: a new stream's retention, and the longest one Kinesis accepts.
    # BEGIN SOLUTION
    default_hours, longest_hours = 24, 365 * 24
    # END SOLUTION
    assert summary["RetentionPeriodHours"] == default_hours
    aws.kinesis.increase_stream_retention_period(
        StreamName=stream, RetentionPeriodHours=longest_hours
    )
    with pytest.raises(ClientError) as refused:
        aws.kinesis.increase_stream_retention_period(
            StreamName=stream, RetentionPeriodHours=longest_hours + 1
        )
    assert refused.value.response["Error"]["Code"] == "InvalidArgumentException"
    aws.kinesis.decrease_stream_retention_period(
        StreamName=stream, RetentionPeriodHours=default_hours
    )
    with pytest.raises(ClientError) as refused:
        aws.kinesis.decrease_stream_retention_period(
            StreamName=stream, RetentionPeriodHours=default_hours - 1
        )
    assert refused.value.response["Error"]["Code"] == "InvalidArgumentException"


@pytest.mark.claim("kinesis.replay", quote="support replay")
def test_readers_choose_where_to_start(aws, stream, read, shard_ids):
    (shard,) = shard_ids(stream)
    puts = [
        aws.kinesis.put_record(StreamName=stream, Data=order, PartitionKey="shop")
        for order in (b"order-1", b"order-2", b"order-3")
    ]
    checkpoint = puts[1]["SequenceNumber"]  # a reader processed up to order-2
    assert read(stream, shard, "TRIM_HORIZON") == [b"order-1", b"order-2", b"order-3"]
    # HINT: the iterator types that read: everything again; only order-3 (from the checkpoint);
    # HINT: and order-2 onwards.
    # BEGIN SOLUTION
    replay_all = "TRIM_HORIZON"
    after_checkpoint = "AFTER_SEQUENCE_NUMBER"
    from_checkpoint = "AT_SEQUENCE_NUMBER"
    # END SOLUTION
    assert read(stream, shard, replay_all) == [b"order-1", b"order-2", b"order-3"]
    assert read(stream, shard, after_checkpoint, StartingSequenceNumber=checkpoint) == [b"order-3"]
    assert read(stream, shard, from_checkpoint, StartingSequenceNumber=checkpoint) == [
        b"order-2",
        b"order-3",
    ]
    latest = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=shard, ShardIteratorType="LATEST"
    )["ShardIterator"]
    aws.kinesis.put_record(StreamName=stream, Data=b"order-4", PartitionKey="shop")
    new = aws.kinesis.get_records(ShardIterator=latest)["Records"]
    assert [record["Data"] for record in new] == [b"order-4"], "LATEST: only what came after"


@pytest.mark.claim("kinesis.replay-from-a-time", quote="support replay")
def test_a_reader_starts_at_a_point_in_time(aws, stream, read, clock, shard_ids):
    (shard,) = shard_ids(stream)
    for order in (b"order-1", b"order-2"):
        aws.kinesis.put_record(StreamName=stream, Data=order, PartitionKey="shop")
    clock.advance(1)  # a second later, the next orders
    for order in (b"order-3", b"order-4"):
        aws.kinesis.put_record(StreamName=stream, Data=order, PartitionKey="shop")
    iterator = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    arrived = {
        record["Data"]: record["ApproximateArrivalTimestamp"]
        for record in aws.kinesis.get_records(ShardIterator=iterator)["Records"]
    }
    # HINT: read(stream, shard, <iterator type>, Timestamp=...) from the moment order-3 arrived.
    # BEGIN SOLUTION
    from_order_3 = read(stream, shard, "AT_TIMESTAMP", Timestamp=arrived[b"order-3"])
    # END SOLUTION
    assert from_order_3 == [b"order-3", b"order-4"], "at or after the time: order-3 included"
    two_days_ago = arrived[b"order-1"] - timedelta(days=2)  # older than any record kept
    assert read(stream, shard, "AT_TIMESTAMP", Timestamp=two_days_ago) == [
        b"order-1",
        b"order-2",
        b"order-3",
        b"order-4",
    ]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto keeps every record forever; AWS drops a record once it is older than the "
    "stream's retention period",
)
@pytest.mark.claim(
    "kinesis.records-expire",
    quote="retention: 1-365 days",
    source="https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html",
)
def test_a_record_expires_after_the_retention_period(aws, stream, read, clock, shard_ids):
    (shard,) = shard_ids(stream)
    aws.kinesis.put_record(StreamName=stream, Data=b"order-1", PartitionKey="shop")
    clock.advance(23 * 3600)
    assert read(stream, shard, "TRIM_HORIZON") == [b"order-1"]
    clock.advance(2 * 3600)
    assert read(stream, shard, "TRIM_HORIZON") == [], "past 24 hours, the record is gone"
