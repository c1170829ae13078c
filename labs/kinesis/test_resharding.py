"""Resharding: split a hot shard in two, merge two cold shards into one.

A stream of game events has one shard, and it is hot. ``SplitShard`` divides
its hash key range at a key you choose: the parent shard is closed (it gets
an ending sequence number and takes no new records, but its records stay
readable until they expire) and two child shards open, each with the parent
as ``ParentShardId``. One split gives exactly two children. Later, traffic
drops: ``MergeShards`` joins two *adjacent* shards (their hash key ranges
touch) into one child that names both parents. A reader finishes a parent
before its children, which keeps each key's records in order. Resharding
works shard by shard: a split divides only the hot shard's range (the other
shards keep theirs), and a merge joins two cold shards' ranges into one.

Notes, "aws integration and messaging > aws kinesis > kinesis operation -- shard splitting"
and "-- merging shards".
"""

import pytest
from botocore.exceptions import ClientError

TOP = 2**128 - 1  # the highest hash key


def shards_by_id(aws, stream: str) -> dict[str, dict]:
    return {s["ShardId"]: s for s in aws.kinesis.list_shards(StreamName=stream)["Shards"]}


def wait_active(aws, stream: str) -> None:
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})


@pytest.mark.claim("kinesis.split-shard", quote="cannot split into more than 2 shards at a time")
def test_splitting_closes_the_parent_and_opens_two_children(aws, stream, read):
    (parent,) = shards_by_id(aws, stream)
    aws.kinesis.put_record(StreamName=stream, Data=b"before", PartitionKey="player-1")
    # HINT: split the shard at the middle of the hash key range (0..2**128 - 1).
    # BEGIN SOLUTION
    aws.kinesis.split_shard(
        StreamName=stream, ShardToSplit=parent, NewStartingHashKey=str((TOP + 1) // 2)
    )
    # END SOLUTION
    wait_active(aws, stream)
    shards = shards_by_id(aws, stream)
    children = [s for s in shards.values() if s.get("ParentShardId") == parent]
    assert len(children) == 2
    assert "EndingSequenceNumber" in shards[parent]["SequenceNumberRange"], "parent closed"
    assert [c["HashKeyRange"]["StartingHashKey"] for c in children] == ["0", str((TOP + 1) // 2)]
    assert read(stream, parent, "TRIM_HORIZON") == [b"before"], "the parent is still readable"


@pytest.mark.claim("kinesis.merge-shards", quote="cannot merge more than 2 shards at a time")
def test_merging_two_adjacent_shards(aws, create_stream):
    stream = create_stream("games", shards=3)
    first, second, third = sorted(shards_by_id(aws, stream))
    with pytest.raises(ClientError) as refused:
        aws.kinesis.merge_shards(StreamName=stream, ShardToMerge=first, AdjacentShardToMerge=third)
    assert refused.value.response["Error"]["Code"] == "InvalidArgumentException", "not adjacent"
    # HINT: merge the first shard with the one whose hash key range touches it.
    # BEGIN SOLUTION
    aws.kinesis.merge_shards(StreamName=stream, ShardToMerge=first, AdjacentShardToMerge=second)
    # END SOLUTION
    wait_active(aws, stream)
    (child,) = [s for s in shards_by_id(aws, stream).values() if "ParentShardId" in s]
    assert {child["ParentShardId"], child["AdjacentParentShardId"]} == {first, second}
    open_shards = [
        shard_id
        for shard_id, shard in shards_by_id(aws, stream).items()
        if "EndingSequenceNumber" not in shard["SequenceNumberRange"]
    ]
    assert sorted(open_shards) == sorted([child["ShardId"], third])


def hash_range(shard: dict) -> tuple[int, int]:
    return int(shard["HashKeyRange"]["StartingHashKey"]), int(
        shard["HashKeyRange"]["EndingHashKey"]
    )


def open_ranges(aws, stream: str) -> list[tuple[int, int]]:
    """The hash key ranges of the open shards, in order."""
    shards = shards_by_id(aws, stream).values()
    return sorted(
        hash_range(s) for s in shards if "EndingSequenceNumber" not in s["SequenceNumberRange"]
    )


@pytest.mark.claim("kinesis.split-the-hot-shard", quote="divide hot shard")
def test_a_split_divides_the_hot_shard_and_leaves_the_others(aws, create_stream):
    stream = create_stream("games", shards=2)
    before = open_ranges(aws, stream)
    hot = aws.kinesis.put_record(StreamName=stream, Data=b"move", PartitionKey="player-1")
    low, high = hash_range(shards_by_id(aws, stream)[hot["ShardId"]])
    # HINT: split player-1's shard (the hot one) at the middle of its own hash key range.
    # BEGIN SOLUTION
    aws.kinesis.split_shard(
        StreamName=stream,
        ShardToSplit=hot["ShardId"],
        NewStartingHashKey=str((low + high + 1) // 2),
    )
    # END SOLUTION
    wait_active(aws, stream)
    middle = (low + high + 1) // 2
    cold = [r for r in before if r != (low, high)]
    assert open_ranges(aws, stream) == sorted(cold + [(low, middle - 1), (middle, high)])


@pytest.mark.claim(
    "kinesis.merge-cold-shards", quote="group two shards with low traffic(cold shards)"
)
def test_a_merge_joins_two_cold_shards_into_one(aws, create_stream):
    stream = create_stream("games", shards=3)
    first, second, third = sorted(shards_by_id(aws, stream))
    aws.kinesis.put_record(  # all the traffic goes to the first shard
        StreamName=stream, Data=b"move", PartitionKey="player-1", ExplicitHashKey="0"
    )
    shards = shards_by_id(aws, stream)
    # HINT: merge the two shards that get no traffic (they are adjacent).
    # BEGIN SOLUTION
    aws.kinesis.merge_shards(StreamName=stream, ShardToMerge=second, AdjacentShardToMerge=third)
    # END SOLUTION
    wait_active(aws, stream)
    joined = (hash_range(shards[second])[0], hash_range(shards[third])[1])
    assert open_ranges(aws, stream) == [hash_range(shards[first]), joined]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto still puts new records on the closed parent, hands out a NextShardIterator "
    "at its end and never lists ChildShards; AWS sends new records to the children and ends "
    "a closed shard with no NextShardIterator and the list of its child shards",
)
@pytest.mark.claim(
    "kinesis.read-across-split",
    quote="the old shard will be closed and deleted once the data is expired",
    line=1077,
    source="https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-after-resharding.html",
)
def test_a_reader_moves_from_the_closed_parent_to_its_children(aws, stream, read):
    (parent,) = shards_by_id(aws, stream)
    aws.kinesis.put_record(StreamName=stream, Data=b"before", PartitionKey="player-1")
    aws.kinesis.split_shard(
        StreamName=stream, ShardToSplit=parent, NewStartingHashKey=str((TOP + 1) // 2)
    )
    wait_active(aws, stream)
    put = aws.kinesis.put_record(StreamName=stream, Data=b"after", PartitionKey="player-1")
    assert put["ShardId"] != parent, "a closed shard takes no new records"
    iterator = aws.kinesis.get_shard_iterator(
        StreamName=stream, ShardId=parent, ShardIteratorType="TRIM_HORIZON"
    )["ShardIterator"]
    response = aws.kinesis.get_records(ShardIterator=iterator)
    while response.get("NextShardIterator") and response["Records"]:
        response = aws.kinesis.get_records(ShardIterator=response["NextShardIterator"])
    assert response.get("NextShardIterator") is None, "the closed parent, read to its end"
    children = [child["ShardId"] for child in response.get("ChildShards", [])]
    assert put["ShardId"] in children and len(children) == 2
    assert read(stream, put["ShardId"], "TRIM_HORIZON") == [b"after"]


@pytest.mark.claim(
    "kinesis.merged-parents-closed",
    quote="the old shard will be closed and deleted once the data is expired",
    line=1082,
    source="https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-resharding-merge.html",
)
def test_merged_parents_are_closed_but_still_readable(aws, create_stream, read):
    stream = create_stream("games", shards=2)
    first, second = sorted(shards_by_id(aws, stream))
    aws.kinesis.put_record(
        StreamName=stream, Data=b"before", PartitionKey="player-1", ExplicitHashKey="1"
    )
    aws.kinesis.merge_shards(StreamName=stream, ShardToMerge=first, AdjacentShardToMerge=second)
    wait_active(aws, stream)
    shards = shards_by_id(aws, stream)
    closed = {i for i, s in shards.items() if "EndingSequenceNumber" in s["SequenceNumberRange"]}
    # HINT: which shards are closed now, and what does a reader of `first` get from its start?
    # BEGIN SOLUTION
    expected_closed, first_holds = {first, second}, [b"before"]
    # END SOLUTION
    assert closed == expected_closed
    assert read(stream, first, "TRIM_HORIZON") == first_holds
