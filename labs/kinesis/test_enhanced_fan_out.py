"""Enhanced fan-out: many consumers, each with its own 2 MB/s per shard.

Classic consumers share a shard's read capacity: 2 MB/s and 5 GetRecords
calls per second between all of them, which is why a sixth polling consumer
starts being throttled. With enhanced fan-out each consumer is registered on
the stream (``RegisterStreamConsumer``) and gets its own 2 MB/s per shard,
pushed over ``SubscribeToShard``; a provisioned stream takes up to 20
registered consumers. A consumer is ``CREATING`` for a while after it is
registered, and AWS creates at most 5 at a time: a 6th registered while 5
are still ``CREATING`` is refused (``LimitExceededException``), so the labs
register through ``register_consumer``, which waits for room first.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > consumers".
"""

import pytest
from botocore.exceptions import ClientError


def stream_arn(aws, stream: str) -> str:
    return aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"][
        "StreamARN"
    ]


def creating(aws, arn: str) -> int:
    """How many of the stream's consumers are still being created."""
    consumers = aws.kinesis.list_stream_consumers(StreamARN=arn)["Consumers"]
    return sum(consumer["ConsumerStatus"] == "CREATING" for consumer in consumers)


@pytest.fixture
def register_consumer(aws, eventually):
    """``register_consumer(stream_arn, name)``: register an enhanced fan-out consumer.

    Waits first until fewer than 5 of the stream's consumers are ``CREATING``:
    AWS refuses a 6th while 5 are (``LimitExceededException``).
    """

    def register_consumer(arn: str, name: str) -> None:
        def fewer_than_5_creating() -> bool:
            return creating(aws, arn) < 5

        eventually(fewer_than_5_creating)
        aws.kinesis.register_stream_consumer(StreamARN=arn, ConsumerName=name)

    return register_consumer


MAX_CONSUMERS_ERRATA = (
    "5 is the GetRecords calls per second per shard that classic consumers share; with "
    "enhanced fan-out a stream takes up to 20 registered consumers (50 for on-demand "
    "Advantage), each with its own 2 MB/s per shard"
)
REGISTER_DOCS = (
    "https://docs.aws.amazon.com/kinesis/latest/APIReference/API_RegisterStreamConsumer.html"
)


@pytest.mark.claim(
    "kinesis.enhanced-fan-out-consumers",
    quote="max 5 consumers per shard",
    errata=MAX_CONSUMERS_ERRATA,
    source=REGISTER_DOCS,
)
def test_more_than_five_consumers_register_for_enhanced_fan_out(aws, stream, register_consumer):
    arn = stream_arn(aws, stream)
    teams = ["billing", "fraud", "search", "analytics", "archive", "ml", "alerts"]
    # HINT: register one enhanced fan-out consumer per team on the stream (register_consumer).
    # BEGIN SOLUTION
    for team in teams:
        register_consumer(arn, team)
    # END SOLUTION
    consumers = aws.kinesis.list_stream_consumers(StreamARN=arn)["Consumers"]
    assert sorted(c["ConsumerName"] for c in consumers) == sorted(teams)


@pytest.mark.emulator_gap(
    "moto",
    reason="moto registers any number of consumers; AWS refuses the 21st on a provisioned "
    "stream with LimitExceededException",
)
@pytest.mark.claim(
    "kinesis.enhanced-fan-out-limit",
    quote="max 5 consumers per shard",
    errata=MAX_CONSUMERS_ERRATA,
    source=REGISTER_DOCS,
)
def test_a_stream_takes_at_most_20_enhanced_fan_out_consumers(
    aws, stream, register_consumer, eventually
):
    arn = stream_arn(aws, stream)
    for number in range(20):
        register_consumer(arn, f"team-{number}")

    def all_created() -> bool:
        return creating(aws, arn) == 0

    eventually(all_created)  # a refusal now is the 20-consumer limit, not the 5-at-a-time one
    with pytest.raises(ClientError) as refused:
        aws.kinesis.register_stream_consumer(StreamARN=arn, ConsumerName="team-20")
    assert refused.value.response["Error"]["Code"] == "LimitExceededException"
