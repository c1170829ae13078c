"""Write sharding: spreading one hot partition key over several.

All of a day's votes keyed by the day would land on one partition key, and so
on one partition, which throttles long before the table's capacity is used.
Adding a suffix (``2024-06-01#0`` to ``#9``) spreads the writes over ten keys;
a suffix computed from the item (here a hash of the voter) lets a reader find
one item again, and a reader who wants the whole day queries every suffix and
merges the answers.

Notes, "dynamodb > write sharding" and "dynamodb > throttling".
"""

from __future__ import annotations

import zlib

import pytest

SHARDS = 10
DAY = "2024-06-01"


@pytest.fixture
def votes(create_table) -> str:
    return create_table("votes", ("day_shard", "S"), ("voter", "S"))


@pytest.mark.claim(
    "dynamodb.write-sharding", quote="add suffixes to make partition keys more distributed"
)
def test_sharded_keys_spread_writes_and_a_reader_gathers_them(aws, votes, put_items):
    voters = [f"voter-{number:03}" for number in range(50)]

    def shard_key(voter: str) -> str:
        shard_key = DAY  # every vote on one partition key, until you shard it
        # HINT: append "#" and a suffix from 0 to SHARDS - 1 computed from the voter,
        # HINT: so the same voter always lands on the same key (zlib.crc32 is stable).
        # BEGIN SOLUTION
        shard_key = f"{DAY}#{zlib.crc32(voter.encode()) % SHARDS}"
        # END SOLUTION
        return shard_key

    put_items(votes, [{"day_shard": {"S": shard_key(v)}, "voter": {"S": v}} for v in voters])

    keys_used = {item["day_shard"]["S"] for item in aws.dynamodb.scan(TableName=votes)["Items"]}
    assert len(keys_used) >= SHARDS // 2, "the writes are spread over many partition keys"
    assert keys_used <= {f"{DAY}#{shard}" for shard in range(SHARDS)}

    gathered = []
    for shard in range(SHARDS):  # scatter-gather: one Query per shard
        gathered += aws.dynamodb.query(
            TableName=votes,
            KeyConditionExpression="day_shard = :key",
            ExpressionAttributeValues={":key": {"S": f"{DAY}#{shard}"}},
        )["Items"]
    assert sorted(item["voter"]["S"] for item in gathered) == voters
