"""Producing to Kinesis: one record per call, or a batch of up to 500.

A producer of sensor readings sends to a stream. ``PutRecord`` writes one
record; ``PutRecords`` (plural) writes up to 500 in one call, which is how a
producer batches. A batch is not all-or-nothing: the response says, record
by record, which ones failed (``FailedRecordCount``, ``ErrorCode`` such as
``ProvisionedThroughputExceededException``), and the producer retries those
with exponential backoff. A record (partition key plus data blob) is at most
1 MiB by default; ``UpdateMaxRecordSize`` raises a stream's maximum record size
up to 10 MiB.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > producers"
and "other services > aws managed streaming for apache kafka > aws kds vs aws msk".
"""

import pytest
from botocore.exceptions import ClientError

MiB = 1024 * 1024


@pytest.mark.claim(
    "kinesis.put-records-batch",
    quote="use batching with putRecord api",
    errata="the batching API is PutRecords (plural), up to 500 records and 10 MiB per call; "
    "PutRecord writes a single record",
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_PutRecords.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a PutRecords call with more than 500 records; AWS refuses it "
    "with ValidationException (the Records list takes 1 to 500 entries)",
)
def test_put_records_sends_up_to_500_records_in_one_call(aws, stream):
    readings = [
        {"Data": f"reading-{n}".encode(), "PartitionKey": f"sensor-{n}"} for n in range(501)
    ]
    # HINT: send the first 500 readings in a single call.
    # BEGIN SOLUTION
    response = aws.kinesis.put_records(StreamName=stream, Records=readings[:500])
    # END SOLUTION
    assert response["FailedRecordCount"] == 0
    assert len(response["Records"]) == 500
    assert all("SequenceNumber" in record for record in response["Records"])
    with pytest.raises(ClientError) as refused:
        aws.kinesis.put_records(StreamName=stream, Records=readings)  # 501
    assert refused.value.response["Error"]["Code"] == "ValidationException"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's PutRecord accepts a record of any size; AWS refuses one whose partition key "
    "and data together exceed the stream's maximum record size (1 MiB by default)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack holds only the data blob to 1 MiB, not counting the partition key; AWS "
    "refuses a record whose partition key and data together exceed 1 MiB",
)
@pytest.mark.claim(
    "kinesis.record-size-limit",
    quote="1mb message size",
    errata="1 MiB (partition key and data together) is only the default maximum record size: "
    "UpdateMaxRecordSize raises a stream's maximum up to 10 MiB (10,240 KiB).",
    source="https://docs.aws.amazon.com/streams/latest/dev/large-records.html",
)
def test_a_record_is_at_most_one_mebibyte_unless_the_stream_allows_more(aws, stream, error_code):
    key = "sensor-1"
    # HINT: the largest data blob that fits by default, given that the partition key counts too.
    # BEGIN SOLUTION
    largest = MiB - len(key)
    # END SOLUTION
    put = aws.kinesis.put_record
    put(StreamName=stream, Data=b"x" * largest, PartitionKey=key)
    too_big = b"x" * (largest + 1)
    assert (
        error_code(put, StreamName=stream, Data=too_big, PartitionKey=key) == "ValidationException"
    )
    arn = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"][
        "StreamARN"
    ]
    update = aws.kinesis.update_max_record_size
    assert error_code(update, StreamARN=arn, MaxRecordSizeInKiB=10241) == "ValidationException"
    update(StreamARN=arn, MaxRecordSizeInKiB=10240)
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    put(**too_big)
