"""A shard's limits: what one shard takes in, and how often it can be read.

One shard takes in up to 1 MiB or 1,000 records per second, and serves up
to 2 MiB and 5 ``GetRecords`` calls per second to its classic (shared)
consumers. Past a limit Kinesis refuses the call, or the records of a
``PutRecords`` batch, with ``ProvisionedThroughputExceededException``: the
producer retries with backoff, spreads its partition keys, or the stream
gets more shards.

No emulator throttles a shard: these labs hold AWS's behaviour, from its
documentation, and run on AWS.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams".
"""

import pytest
from botocore.exceptions import ClientError

QUOTAS = "https://docs.aws.amazon.com/streams/latest/dev/service-sizes-and-limits.html"
THROTTLED = "ProvisionedThroughputExceededException"
pytestmark = [
    pytest.mark.emulator_gap(
        "moto",
        reason="moto does not throttle a shard; AWS refuses writes past 1 MiB or 1,000 "
        "records per second and reads past 5 GetRecords calls per second "
        "(ProvisionedThroughputExceededException)",
    ),
    pytest.mark.emulator_gap(
        "localstack",
        reason="LocalStack does not throttle a shard; AWS refuses writes past 1 MiB or 1,000 "
        "records per second and reads past 5 GetRecords calls per second "
        "(ProvisionedThroughputExceededException)",
    ),
]


@pytest.mark.claim(
    "kinesis.shard-write-bytes", quote="each shard: 1mb in , 2mb out per second", source=QUOTAS
)
def test_a_shard_takes_1_mib_per_second(aws, stream):
    megabyte = b"x" * (1024 * 1024 - 16)  # with its partition key: just under 1 MiB
    refusals = []
    for number in range(3):  # 3 MiB as fast as the client can send it
        try:
            aws.kinesis.put_record(StreamName=stream, Data=megabyte, PartitionKey=f"k{number}")
        except ClientError as error:
            refusals.append(error.response["Error"]["Code"])
    # HINT: the error code of the records Kinesis refused.
    # BEGIN SOLUTION
    expected_code = THROTTLED
    # END SOLUTION
    assert refusals and set(refusals) == {expected_code}


@pytest.mark.claim(
    "kinesis.shard-write-records", quote="1mb or 1000 records per sec per shard", source=QUOTAS
)
def test_a_shard_takes_1000_records_per_second(aws, stream):
    codes = []
    for _ in range(3):  # 1,200 small records within a second
        records = [{"Data": b"click", "PartitionKey": f"user-{n}"} for n in range(400)]
        answer = aws.kinesis.put_records(StreamName=stream, Records=records)
        codes += [r.get("ErrorCode") for r in answer["Records"] if r.get("ErrorCode")]
    # HINT: the ErrorCode of the records of a PutRecords batch that went past the limit.
    # BEGIN SOLUTION
    expected_code = THROTTLED
    # END SOLUTION
    assert codes and set(codes) == {expected_code}


@pytest.mark.claim(
    "kinesis.shard-get-records-rate",
    quote="classic: multi consumers share 2mb out; max 5 getRecord api/sec",
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_GetRecords.html",
)
def test_a_shard_serves_5_get_records_calls_per_second(aws, stream, shard_ids):
    (shard,) = shard_ids(stream)
    iterator = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=shard, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    refusals = []
    for _ in range(10):  # ten reads of the one shard within a second
        try:
            iterator = aws.kinesis.get_records(ShardIterator=iterator)["NextShardIterator"]
        except ClientError as error:
            refusals.append(error.response["Error"]["Code"])
    # HINT: the error code of the reads Kinesis refused.
    # BEGIN SOLUTION
    expected_code = THROTTLED
    # END SOLUTION
    assert refusals and set(refusals) == {expected_code}
