"""Capacity modes: choose your shards, or let Kinesis choose.

A team starts a stream for an unpredictable new feature in on-demand mode:
no shard count to choose; Kinesis starts it with 4 shards (4 MB/s or 4,000
records/s of writes, 1 MB/s and 1,000 records/s per shard) and scales it with
the traffic. Once traffic is known, they switch it to provisioned mode, where
they choose and pay for the shards themselves.

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > capacity modes".
"""

import pytest


@pytest.mark.claim(
    "kinesis.on-demand-default-capacity",
    quote="default capacity provisioned: 4mb in or 4000 records per second",
)
def test_an_on_demand_stream_starts_with_four_shards(aws, unique_name):
    name = unique_name("feature")
    # HINT: create the stream in on-demand capacity mode (no ShardCount).
    # BEGIN SOLUTION
    aws.kinesis.create_stream(StreamName=name, StreamModeDetails={"StreamMode": "ON_DEMAND"})
    # END SOLUTION
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=name, WaiterConfig={"Delay": 1})
    summary = aws.kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]
    assert summary["StreamModeDetails"]["StreamMode"] == "ON_DEMAND"
    assert summary["OpenShardCount"] * 1_000 == 4_000, "1,000 records/s per shard"


@pytest.mark.claim("kinesis.provisioned-mode", quote="choose number of shards")
def test_a_provisioned_stream_has_the_shards_you_choose(aws, create_stream):
    stream = create_stream("feature", shards=3)
    summary = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    # HINT: what mode does a stream created with a ShardCount have, and how many shards are open?
    # BEGIN SOLUTION
    expected = ("PROVISIONED", 3)
    # END SOLUTION
    assert (summary["StreamModeDetails"]["StreamMode"], summary["OpenShardCount"]) == expected
