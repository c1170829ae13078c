"""Lambda as a stream consumer: batches, a batching window, parallel batches per shard.

The analytics function reads the orders stream through an *event source
mapping*: Lambda polls each shard and invokes the function with a batch of
records, 100 by default (up to 10,000). A batching window makes Lambda wait
up to that many seconds (0 to 300) to fill a batch. With a parallelization
factor (1 to 10) Lambda processes up to 10 batches of one shard at the same
time, still in order for each partition key.

Notes, "aws integration and messaging > aws kinesis > consumers > lambda".
"""

import pytest
from botocore.exceptions import ClientError

ESM_API = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateEventSourceMapping.html"
HANDLER = """
def handler(event, context):
    return len(event["Records"])
"""


@pytest.fixture
def stream_arn(aws, stream) -> str:
    summary = aws.kinesis.describe_stream_summary(StreamName=stream)
    return summary["StreamDescriptionSummary"]["StreamARN"]


@pytest.fixture
def consumer(functions) -> str:
    """The name of a function that counts the records of each batch."""
    return functions.deploy(HANDLER, "analytics")["FunctionName"]


BATCH_LOGGER = """
def handler(event, context):
    print("BATCH", len(event["Records"]))
"""


def batch_sizes(aws, function: str) -> list[int]:
    """The number of records in each batch the function has logged so far."""
    try:
        logged = aws.logs.filter_log_events(logGroupName=f"/aws/lambda/{function}")["events"]
    except ClientError as error:  # no log group before the first invocation
        if error.response["Error"]["Code"] != "ResourceNotFoundException":
            raise
        return []
    return [int(e["message"].split()[1]) for e in logged if e["message"].startswith("BATCH ")]


@pytest.mark.claim(
    "kinesis.lambda-reads-batches",
    quote="read records in batches",
    source="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto invokes the function once per record, as PutRecord writes it; AWS polls the "
    "shard and invokes the function with the records waiting there, up to BatchSize at once",
)
def test_the_function_gets_waiting_records_in_one_batch(
    aws, functions, stream, stream_arn, eventually
):
    name = functions.deploy(BATCH_LOGGER, "analytics")["FunctionName"]
    aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_arn,
        FunctionName=name,
        StartingPosition="TRIM_HORIZON",
        BatchSize=10,
        MaximumBatchingWindowInSeconds=5,  # time to gather what one PutRecords wrote
    )
    orders = [{"Data": f"order-{n}".encode(), "PartitionKey": "shop-1"} for n in range(3)]
    aws.kinesis.put_records(StreamName=stream, Records=orders)
    # HINT: the sizes of the batches the function is invoked with, for these three records.
    # BEGIN SOLUTION
    expected = [3]
    # END SOLUTION

    def all_read() -> list[int] | None:
        sizes = batch_sizes(aws, name)
        return sizes if sum(sizes) == len(orders) else None

    assert eventually(all_read, aws_takes=120) == expected


@pytest.mark.claim(
    "kinesis.lambda-batch-settings",
    quote="can configure batch size and batch window",
    source=ESM_API,
)
def test_a_mapping_batches_100_records_unless_told_otherwise(aws, stream_arn, consumer):
    default = aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_arn, FunctionName=consumer, StartingPosition="LATEST"
    )
    # HINT: predict the BatchSize of a Kinesis mapping created without one.
    # BEGIN SOLUTION
    default_batch_size = 100
    # END SOLUTION
    assert default["BatchSize"] == default_batch_size
    tuned = aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_arn,
        FunctionName=consumer,
        StartingPosition="LATEST",
        BatchSize=10_000,
        MaximumBatchingWindowInSeconds=300,
    )
    assert (tuned["BatchSize"], tuned["MaximumBatchingWindowInSeconds"]) == (10_000, 300)


@pytest.mark.claim(
    "kinesis.lambda-parallelization-factor",
    quote="can process up to 10 batches per shard simultaneously",
    source=ESM_API,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a ParallelizationFactor of 11; AWS takes 1 to 10 and refuses 11 "
    "(ValidationException)",
)
def test_up_to_10_batches_of_a_shard_at_once(aws, stream_arn, consumer, error_code):
    create = aws.unvalidated("lambda").create_event_source_mapping

    def refusal(factor: int) -> str | None:
        return error_code(
            create,
            EventSourceArn=stream_arn,
            FunctionName=consumer,
            StartingPosition="LATEST",
            ParallelizationFactor=factor,
        )

    # HINT: the largest ParallelizationFactor Lambda accepts for a shard.
    # BEGIN SOLUTION
    most = 10
    # END SOLUTION
    assert refusal(most) is None
    assert refusal(most + 1) == "ValidationException"


@pytest.mark.claim(
    "kinesis.lambda-enhanced-fan-out",
    quote="support classic and enhanced fan-out consumers",
    source="https://docs.aws.amazon.com/lambda/latest/dg/with-kinesis.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a stream consumer's ARN as an event source (ResourceNotFoundException); "
    "AWS maps it, and Lambda reads the shard through enhanced fan-out",
)
def test_a_mapping_reads_through_a_stream_consumer(aws, stream_arn, consumer):
    classic = aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_arn, FunctionName=consumer, StartingPosition="LATEST"
    )
    stream_consumer = aws.kinesis.register_stream_consumer(
        StreamARN=stream_arn, ConsumerName="analytics"
    )["Consumer"]["ConsumerARN"]
    # HINT: a second mapping of `consumer` that reads through the enhanced fan-out consumer
    # HINT: `stream_consumer` (from LATEST); keep CreateEventSourceMapping's answer in `fan_out`.
    # BEGIN SOLUTION
    fan_out = aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_consumer, FunctionName=consumer, StartingPosition="LATEST"
    )
    # END SOLUTION
    assert classic["EventSourceArn"] == stream_arn
    assert fan_out["EventSourceArn"] == stream_consumer


@pytest.mark.claim("kinesis.lambda-retries", quote="retry", line=1062, source=ESM_API)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's event source mapping has no MaximumRetryAttempts; AWS answers -1 for a new "
    "Kinesis mapping (retry until the records expire)",
)
def test_a_failing_batch_is_retried_until_its_records_expire(aws, stream_arn, consumer):
    mapping = aws.lambda_.create_event_source_mapping(
        EventSourceArn=stream_arn, FunctionName=consumer, StartingPosition="LATEST"
    )
    # HINT: a new mapping's MaximumRetryAttempts (-1 means: until the records expire) and
    # HINT: MaximumRecordAgeInSeconds (-1 means: no limit besides the retention).
    # BEGIN SOLUTION
    expected = (-1, -1)
    # END SOLUTION
    assert (mapping["MaximumRetryAttempts"], mapping["MaximumRecordAgeInSeconds"]) == expected
    assert mapping["BisectBatchOnFunctionError"] is False, "a failed batch is retried whole"
