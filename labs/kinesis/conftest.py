"""Shared fixtures for the Kinesis labs: a stream, and a short way to read a shard."""

from __future__ import annotations

import pytest


@pytest.fixture
def create_stream(aws, unique_name):
    """``create_stream("clicks", shards=1)``: a new provisioned stream, ACTIVE; returns its name."""

    def create_stream(stem: str, shards: int = 1) -> str:
        name = unique_name(stem)
        aws.kinesis.create_stream(StreamName=name, ShardCount=shards)
        aws.kinesis.get_waiter("stream_exists").wait(
            StreamName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
        )
        return name

    return create_stream


@pytest.fixture
def stream(create_stream) -> str:
    """The name of a new one-shard stream."""
    return create_stream("clicks")


@pytest.fixture
def shard_ids(aws):
    """``shard_ids(stream)``: the ids of the stream's shards, open and closed."""

    def shard_ids(stream: str) -> list[str]:
        shards = aws.kinesis.list_shards(StreamName=stream)["Shards"]
        return [shard["ShardId"] for shard in shards]

    return shard_ids


def read_shard(aws, iterator: str) -> list[dict]:
    """Every record from ``iterator`` on, following NextShardIterator until a read is empty."""
    records: list[dict] = []
    while iterator:
        response = aws.kinesis.get_records(ShardIterator=iterator, Limit=1000)
        records += response["Records"]
        if not response["Records"]:
            break
        iterator = response.get("NextShardIterator")
    return records


@pytest.fixture
def read(aws):
    """``read(stream, shard_id, "TRIM_HORIZON", **where)``: the data (bytes) read from there.

    ``where`` is ``StartingSequenceNumber=...`` (AT_/AFTER_SEQUENCE_NUMBER) or
    ``Timestamp=...`` (AT_TIMESTAMP).
    """

    def read(stream: str, shard_id: str, iterator_type: str, **where) -> list[bytes]:
        iterator = aws.kinesis.get_shard_iterator(
            StreamName=stream, ShardId=shard_id, ShardIteratorType=iterator_type, **where
        )["ShardIterator"]
        return [record["Data"] for record in read_shard(aws, iterator)]

    return read
