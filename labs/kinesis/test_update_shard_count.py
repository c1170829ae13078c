"""Uniform scaling: one call sets a stream's shard count, within double or half.

The game-events stream has 2 shards, and the season starts: it needs 4.
Instead of choosing each shard to split, ``UpdateShardCount`` with
``UNIFORM_SCALING`` takes the target count, and Kinesis does the splits (or
merges) itself: the stream is ``UPDATING`` for a while, still readable and
writable, then ``ACTIVE`` with the new number of open shards, each owning an
equal slice of the hash key range. As with a manual split, the old shards
are closed, not removed: their records stay readable until they expire.

One call may at most double the open shard count and at least halve it:
from 4 shards, 8 or 2 are allowed, 9 or 1 refused (a bigger change takes
several calls). By default a stream scales at most 10 times in a rolling 24
hours. On-demand streams are scaled by Kinesis; this is for provisioned
ones.

Notes, "aws integration and messaging > aws kinesis > kinesis operation -- shard splitting"
and "-- merging shards".
"""

import pytest
from botocore.exceptions import ClientError

HASH_KEYS = 2**128  # the hash key range, 0 .. 2**128 - 1


def is_open(shard: dict) -> bool:
    return "EndingSequenceNumber" not in shard["SequenceNumberRange"]


def open_shards(aws, stream: str) -> list[dict]:
    """The stream's open shards, counted from ListShards as a consumer would."""
    return [s for s in aws.kinesis.list_shards(StreamName=stream)["Shards"] if is_open(s)]


def width(shard: dict) -> int:
    keys = shard["HashKeyRange"]
    return int(keys["EndingHashKey"]) - int(keys["StartingHashKey"]) + 1


@pytest.mark.claim(
    "kinesis.update-shard-count", quote="used to increase stream capacity (1mb in per shard)"
)
def test_uniform_scaling_doubles_the_open_shards(aws, create_stream, shard_ids):
    stream = create_stream("games", shards=2)
    before = shard_ids(stream)
    # HINT: one call: scale the stream uniformly to 4 shards.
    # BEGIN SOLUTION
    response = aws.kinesis.update_shard_count(
        StreamName=stream, TargetShardCount=4, ScalingType="UNIFORM_SCALING"
    )
    # END SOLUTION
    assert (response["CurrentShardCount"], response["TargetShardCount"]) == (2, 4)
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    shards = aws.kinesis.list_shards(StreamName=stream)["Shards"]
    now_open = [shard for shard in shards if is_open(shard)]
    assert len(now_open) == 4
    assert all(abs(width(shard) - HASH_KEYS // 4) <= 2 for shard in now_open), "equal slices"
    closed = sorted(shard["ShardId"] for shard in shards if not is_open(shard))
    assert closed == sorted(before), "the old shards are closed, still listed"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any target shard count; AWS refuses a target above double or below "
    "half the current open shard count",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack refuses a target above double or below half the open shards with "
    'InvalidArgumentException; AWS answers LimitExceededException ("UpdateShardCount cannot '
    'scale up over double your current open shard count")',
)
@pytest.mark.claim(
    "kinesis.update-shard-count-limits",
    beyond_notes="One UpdateShardCount call at most doubles and at least halves the open shard "
    "count: from 4 shards, 8 is accepted and 9 or 1 refused (LimitExceededException).",
    source="https://docs.aws.amazon.com/kinesis/latest/APIReference/API_UpdateShardCount.html",
)
def test_one_call_scales_at_most_to_double_or_half(aws, create_stream):
    stream = create_stream("games", shards=4)
    # HINT: from 4 open shards, the largest and the smallest target one call accepts.
    # BEGIN SOLUTION
    largest, smallest = 8, 2
    # END SOLUTION
    for refused_target in (largest + 1, smallest - 1):
        with pytest.raises(ClientError) as refused:
            aws.kinesis.update_shard_count(
                StreamName=stream, TargetShardCount=refused_target, ScalingType="UNIFORM_SCALING"
            )
        assert refused.value.response["Error"]["Code"] == "LimitExceededException", refused_target
    status = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    assert (status["StreamStatus"], len(open_shards(aws, stream))) == ("ACTIVE", 4), "unchanged"
    aws.kinesis.update_shard_count(
        StreamName=stream, TargetShardCount=largest, ScalingType="UNIFORM_SCALING"
    )
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    assert len(open_shards(aws, stream)) == 8, "double is allowed"
