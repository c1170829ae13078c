"""A record: what a producer writes, what a reader gets, and why it stays.

The checkout service writes one record per order with ``PutRecord``: a
partition key and a data blob. Kinesis answers with the shard it chose and
the record's *sequence number*, which grows with every record of that shard.
A reader gets the same three things back, with the time the record arrived.
Reading takes nothing away: a second reader, or the same one again, gets the
same records, and no API call deletes a record before its retention ends.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams" and "> producers".
"""

import pytest

STREAMS_API = "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Operations.html"


@pytest.mark.claim(
    "kinesis.put-record-answer",
    quote="putRecord api",
    line=1044,
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecord.html",
)
def test_put_record_answers_the_shard_and_a_growing_sequence_number(aws, stream, shard_ids):
    (shard,) = shard_ids(stream)
    # HINT: write b"order-1" then b"order-2" with partition key "alice"; keep both answers.
    # BEGIN SOLUTION
    first = aws.kinesis.put_record(StreamName=stream, Data=b"order-1", PartitionKey="alice")
    second = aws.kinesis.put_record(StreamName=stream, Data=b"order-2", PartitionKey="alice")
    # END SOLUTION
    assert first["ShardId"] == second["ShardId"] == shard
    assert int(first["SequenceNumber"]) < int(second["SequenceNumber"])


@pytest.mark.claim(
    "kinesis.record-fields",
    quote="data record: sequence number; partition key, data blob",
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_Record.html",
)
def test_a_record_holds_its_sequence_number_partition_key_and_data(aws, stream, shard_ids):
    (shard,) = shard_ids(stream)
    put = aws.kinesis.put_record(StreamName=stream, Data=b"order-1", PartitionKey="alice")
    iterator = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    (record,) = aws.kinesis.get_records(ShardIterator=iterator)["Records"]
    # HINT: the record as the reader gets it: its sequence number, partition key and data.
    # BEGIN SOLUTION
    expected = (put["SequenceNumber"], "alice", b"order-1")
    # END SOLUTION
    assert (record["SequenceNumber"], record["PartitionKey"], record["Data"]) == expected
    assert "ApproximateArrivalTimestamp" in record


@pytest.mark.claim(
    "kinesis.records-immutable",
    quote="data in kinesis is immutable, cannot be deleted",
    source=STREAMS_API,
)
def test_reading_removes_nothing_and_no_call_deletes_a_record(aws, stream, read, shard_ids):
    (shard,) = shard_ids(stream)
    for order in (b"order-1", b"order-2"):
        aws.kinesis.put_record(StreamName=stream, Data=order, PartitionKey="shop")
    assert read(stream, shard, "TRIM_HORIZON") == [b"order-1", b"order-2"]
    # HINT: what does a second reader get from the oldest record on?
    # BEGIN SOLUTION
    second_reader_gets = [b"order-1", b"order-2"]
    # END SOLUTION
    assert read(stream, shard, "TRIM_HORIZON") == second_reader_gets
    operations = aws.kinesis.meta.service_model.operation_names
    assert not [name for name in operations if "Record" in name and "Delete" in name]
    assert "DeleteMessage" in aws.sqs.meta.service_model.operation_names, "unlike SQS"
