"""Partition keys: every click of one user lands on one shard, in order.

A website sends each click to a four-shard stream with the user's id as the
partition key. Kinesis takes the MD5 hash of the key as a 128-bit number
and puts the record on the shard whose hash key range holds that number: the
same key always lands on the same shard. Within a shard, sequence numbers
grow with every record, so one user's clicks are read back in the order they
were sent. There is no order across shards, so the key decides what stays in
order: key an order's events by the order's ID, not by the event's.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams".
"""

import hashlib

import pytest


@pytest.mark.claim(
    "kinesis.same-key-same-shard",
    quote="data with the same partition key goes to the same shard (ordering)",
)
def test_a_partition_key_always_goes_to_the_same_shard(aws, create_stream):
    stream = create_stream("clicks", shards=4)
    shards = aws.kinesis.list_shards(StreamName=stream)["Shards"]

    def shard_for(partition_key: str) -> str:
        # HINT: MD5 the key, read the digest as a 128-bit integer, find the shard whose
        # HINT: HashKeyRange (StartingHashKey..EndingHashKey, decimal strings) holds it.
        # BEGIN SOLUTION
        hash_key = int(hashlib.md5(partition_key.encode()).hexdigest(), 16)
        for shard in shards:
            low, high = shard["HashKeyRange"].values()
            if int(low) <= hash_key <= int(high):
                return shard["ShardId"]
        # END SOLUTION

    users = [f"user-{n}" for n in range(12)]
    for user in users * 2:
        put = aws.kinesis.put_record(StreamName=stream, Data=b"click", PartitionKey=user)
        assert put["ShardId"] == shard_for(user), f"{user} landed on {put['ShardId']}"
    assert len({shard_for(user) for user in users}) > 1, "different keys spread over shards"


@pytest.mark.claim("kinesis.order-within-shard", quote="records are read in order at shard level")
def test_one_users_clicks_are_read_back_in_order(aws, create_stream, read):
    stream = create_stream("clicks", shards=4)
    clicks = [f"page-{n}".encode() for n in range(5)]
    sequence_numbers = []
    for click in clicks:
        put = aws.kinesis.put_record(StreamName=stream, Data=click, PartitionKey="user-1")
        sequence_numbers.append(int(put["SequenceNumber"]))
        shard = put["ShardId"]
    assert sequence_numbers == sorted(sequence_numbers), "sequence numbers grow within a shard"
    # HINT: read user-1's shard from its oldest record (the `read` fixture and an iterator type).
    # BEGIN SOLUTION
    read_back = read(stream, shard, "TRIM_HORIZON")
    # END SOLUTION
    assert read_back == clicks


@pytest.mark.claim(
    "kinesis.order-by-partition-key", quote="ordering data into kinesis using partition key"
)
def test_the_partition_key_decides_which_records_stay_in_order(aws, create_stream, shard_ids, read):
    steps = ("created", "paid", "shipped")
    events = [(f"order-{n}", step) for step in steps for n in range(1, 4)]  # interleaved

    def shards_and_steps(key, stem: str) -> dict[str, list[tuple[str, str]]]:
        """Write the events keyed by ``key(order, step)``; per order, (shard, step) as read."""
        stream = create_stream(stem, shards=4)
        for order, step in events:
            data = f"{order}:{step}".encode()
            aws.kinesis.put_record(StreamName=stream, Data=data, PartitionKey=key(order, step))
        seen: dict[str, list[tuple[str, str]]] = {}
        for shard in shard_ids(stream):
            for data in read(stream, shard, "TRIM_HORIZON"):
                order, step = data.decode().split(":")
                seen.setdefault(order, []).append((shard, step))
        return seen

    def key_for(order: str, step: str) -> str:
        # HINT: the partition key that keeps each order's events in the order they were sent.
        # BEGIN SOLUTION
        return order
        # END SOLUTION

    for order, placed in shards_and_steps(key_for, "orders").items():
        assert len({shard for shard, _ in placed}) == 1, f"{order} is on one shard"
        assert tuple(step for _, step in placed) == steps, f"{order} is read in order"
    by_event = shards_and_steps(lambda order, step: f"{order}:{step}", "events")
    assert any(len({shard for shard, _ in placed}) > 1 for placed in by_event.values()), (
        "keyed by event, an order's events spread over shards, where no order holds"
    )
