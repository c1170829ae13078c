"""Kinesis Data Firehose: it buffers, delivers, and keeps nothing to replay.

The clickstream goes to S3 through a Firehose delivery stream. Firehose is
near real time: it buffers records until the buffer reaches its size (1 to
128 MiB) or its interval ends (0 to 900 seconds), whichever comes first,
then writes one object. Unlike a data stream, Firehose has no storage of its
own: its API writes records (``PutRecord``, ``PutRecordBatch``) and has no
call to read them back, so there is nothing to replay.

Notes, "aws integration and messaging > aws kinesis > kinesis data firehose".
"""

import pytest

BUFFERING_HINTS = "https://docs.aws.amazon.com/firehose/latest/APIReference/API_BufferingHints.html"


@pytest.fixture
def create_delivery_stream(aws, unique_name, make_bucket, error_code):
    """``create_delivery_stream(size_mb, interval_s)``: None, or the error code of the refusal."""
    bucket = make_bucket("clicks")
    create = aws.unvalidated("firehose").create_delivery_stream

    def create_delivery_stream(size_mb: int, interval_s: int) -> str | None:
        return error_code(
            create,
            DeliveryStreamName=unique_name(f"clicks-{size_mb}mb-{interval_s}s"),
            ExtendedS3DestinationConfiguration={
                "RoleARN": f"arn:aws:iam::{'1' * 12}:role/firehose",
                "BucketARN": f"arn:aws:s3:::{bucket}",
                "BufferingHints": {"SizeInMBs": size_mb, "IntervalInSeconds": interval_s},
            },
        )

    return create_delivery_stream


@pytest.mark.claim(
    "kinesis.firehose-buffer-size", quote="buffer size: minimum 1mb", source=BUFFERING_HINTS
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any buffer size (0 MiB, 129 MiB); AWS takes 1 to 128"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts Firehose buffer sizes of 0 and 129 MiB; AWS refuses them "
    "(ValidationException)",
)
def test_the_buffer_size_is_1_to_128_mib(create_delivery_stream):
    # HINT: what does Firehose answer each SizeInMBs? {size: None, or the error code}
    # BEGIN SOLUTION
    expected = {0: "ValidationException", 1: None, 128: None, 129: "ValidationException"}
    # END SOLUTION
    assert {size: create_delivery_stream(size, 300) for size in expected} == expected


@pytest.mark.claim(
    "kinesis.firehose-buffer-interval", quote="buffer interval: 0 - 900 sec", source=BUFFERING_HINTS
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any buffer interval (901 s); AWS takes 0 to 900 seconds"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a Firehose buffer interval past 900 seconds; AWS refuses it "
    "(ValidationException)",
)
def test_the_buffer_interval_is_0_to_900_seconds(create_delivery_stream):
    # HINT: what does Firehose answer each IntervalInSeconds? {seconds: None, or the error code}
    # BEGIN SOLUTION
    expected = {0: None, 900: None, 901: "ValidationException"}
    # END SOLUTION
    assert {seconds: create_delivery_stream(5, seconds) for seconds in expected} == expected


@pytest.mark.claim(
    "kinesis.firehose-no-replay",
    quote="no replay",
    source="https://docs.aws.amazon.com/firehose/latest/APIReference/API_Operations.html",
)
def test_firehose_writes_records_and_has_no_call_to_read_them(aws):
    firehose = aws.firehose.meta.service_model.operation_names
    streams = aws.kinesis.meta.service_model.operation_names
    # HINT: the operations of each API that read records back (names with "Get" and "Record").
    # BEGIN SOLUTION
    expected = {"firehose": [], "kinesis": ["GetRecords"]}
    # END SOLUTION
    readers = {
        "firehose": [name for name in firehose if "Get" in name and "Record" in name],
        "kinesis": [name for name in streams if "Get" in name and "Record" in name],
    }
    assert readers == expected
