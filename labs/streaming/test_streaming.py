"""Streams of records: Kinesis Data Streams and Amazon MSK (managed Kafka).

Both keep an ordered log of records that many consumers read. A Kinesis
*data stream* is made of *shards*, each owning a range of the partition-key
hash space; it can encrypt records at rest with KMS. *Amazon MSK* runs Apache
Kafka: you create, update and delete *clusters* of brokers, or an *MSK
Serverless* cluster with no brokers to size; a provisioned cluster encrypts
at rest and, by default, in transit (TLS between clients and brokers, and
between brokers).

Notes, "other services > aws managed streaming for apache kafka".
"""

from __future__ import annotations

import pytest

SHARDS = "https://docs.aws.amazon.com/streams/latest/dev/key-concepts.html"
RESHARDING = "https://docs.aws.amazon.com/streams/latest/dev/kinesis-using-sdk-java-resharding.html"
KDS_ENCRYPTION = "https://docs.aws.amazon.com/streams/latest/dev/what-is-sse.html"
MSK_CREATE = "https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html"
MSK_SERVERLESS = "https://docs.aws.amazon.com/msk/latest/developerguide/serverless.html"
MSK_ENCRYPTION = "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html"

HASH_SPACE_END = 2**128 - 1


@pytest.mark.claim("streaming.kds-shards", quote="data stream with shards", source=SHARDS)
def test_the_shards_of_a_stream_share_the_hash_space(aws, unique_name, eventually):
    stream = unique_name("clicks")
    # HINT: a stream `stream` of 2 shards.
    # BEGIN SOLUTION
    aws.kinesis.create_stream(StreamName=stream, ShardCount=2)
    # END SOLUTION
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    shards = aws.kinesis.list_shards(StreamName=stream)["Shards"]
    ranges = sorted(
        (int(s["HashKeyRange"]["StartingHashKey"]), int(s["HashKeyRange"]["EndingHashKey"]))
        for s in shards
    )
    assert len(ranges) == 2
    assert ranges[0][0] == 0 and ranges[-1][1] == HASH_SPACE_END
    assert ranges[0][1] + 1 == ranges[1][0], "no gap, no overlap"


def open_shards(aws, stream: str) -> list[dict]:
    """The shards of ``stream`` that still take records (a closed one has an end)."""
    shards = aws.kinesis.list_shards(StreamName=stream)["Shards"]
    return [s for s in shards if "EndingSequenceNumber" not in s["SequenceNumberRange"]]


@pytest.mark.claim("streaming.kds-resharding", quote="shard splitting & merging", source=RESHARDING)
def test_a_stream_grows_and_shrinks_by_resharding(aws, unique_name):
    stream = unique_name("clicks")
    aws.kinesis.create_stream(StreamName=stream, ShardCount=1)
    active = aws.kinesis.get_waiter("stream_exists")
    active.wait(StreamName=stream, WaiterConfig={"Delay": 1})
    [whole] = open_shards(aws, stream)
    aws.kinesis.split_shard(
        StreamName=stream,
        ShardToSplit=whole["ShardId"],
        NewStartingHashKey=str((HASH_SPACE_END + 1) // 2),
    )
    active.wait(StreamName=stream, WaiterConfig={"Delay": 1})
    halves = sorted(s["ShardId"] for s in open_shards(aws, stream))
    assert len(halves) == 2, "a split makes two shards of one"
    # HINT: shrink the stream back to one shard that takes records: join its two halves.
    # BEGIN SOLUTION
    aws.kinesis.merge_shards(
        StreamName=stream, ShardToMerge=halves[0], AdjacentShardToMerge=halves[1]
    )
    # END SOLUTION
    active.wait(StreamName=stream, WaiterConfig={"Delay": 1})
    [merged] = open_shards(aws, stream)
    assert {merged["ParentShardId"], merged["AdjacentParentShardId"]} == set(halves)
    assert merged["HashKeyRange"] == whole["HashKeyRange"], "the whole hash space again"


@pytest.mark.claim(
    "streaming.kds-encryption-at-rest",
    quote="encryption in-transit and at rest",
    line=2244,
    source=KDS_ENCRYPTION,
)
def test_a_stream_encrypts_its_records_with_kms(aws, unique_name):
    stream = unique_name("payments")
    aws.kinesis.create_stream(StreamName=stream, ShardCount=1)
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    before = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    assert before["EncryptionType"] == "NONE"
    # HINT: encrypt the stream at rest with the AWS managed key for Kinesis.
    # BEGIN SOLUTION
    aws.kinesis.start_stream_encryption(
        StreamName=stream, EncryptionType="KMS", KeyId="alias/aws/kinesis"
    )
    # END SOLUTION
    aws.kinesis.get_waiter("stream_exists").wait(StreamName=stream, WaiterConfig={"Delay": 1})
    after = aws.kinesis.describe_stream_summary(StreamName=stream)["StreamDescriptionSummary"]
    assert after["EncryptionType"] == "KMS"


def broker_nodes(subnets: list[str]) -> dict:
    return {"InstanceType": "kafka.t3.small", "ClientSubnets": subnets}


@pytest.mark.claim(
    "streaming.msk-cluster-lifecycle",
    quote="allow to create, update, delete clusters",
    source=MSK_CREATE,
)
def test_a_kafka_cluster_is_created_as_brokers_in_subnets(aws, unique_name, two_subnets):
    # HINT: a provisioned cluster unique_name("events") of Kafka 3.6.0 with 2 brokers
    # (broker_nodes(two_subnets)); keep its ARN.
    # BEGIN SOLUTION
    arn = aws.kafka.create_cluster(
        ClusterName=unique_name("events"),
        KafkaVersion="3.6.0",
        NumberOfBrokerNodes=2,
        BrokerNodeGroupInfo=broker_nodes(two_subnets),
    )["ClusterArn"]
    # END SOLUTION
    info = aws.kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]
    assert (info["State"], info["NumberOfBrokerNodes"]) == ("CREATING", 2)


@pytest.mark.claim(
    "streaming.msk-serverless", quote="without mananing the capacity", source=MSK_SERVERLESS
)
def test_a_serverless_cluster_has_no_brokers_to_size(aws, unique_name, two_subnets):
    # HINT: an MSK Serverless cluster unique_name("events") in two_subnets (create_cluster_v2).
    # BEGIN SOLUTION
    arn = aws.kafka.create_cluster_v2(
        ClusterName=unique_name("events"),
        Serverless={"VpcConfigs": [{"SubnetIds": two_subnets}]},
    )["ClusterArn"]
    # END SOLUTION
    info = aws.kafka.describe_cluster_v2(ClusterArn=arn)["ClusterInfo"]
    assert info["ClusterType"] == "SERVERLESS"
    assert "Provisioned" not in info, "no broker count, no instance type"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives a cluster created without EncryptionInfo none; AWS encrypts at rest "
    "and in transit (TLS client-broker, in-cluster) by default",
)
@pytest.mark.claim(
    "streaming.msk-encryption-by-default",
    quote="encryption in-transit and at rest",
    line=2249,
    source=MSK_ENCRYPTION,
)
def test_a_kafka_cluster_encrypts_by_default(aws, unique_name, two_subnets):
    arn = aws.kafka.create_cluster(
        ClusterName=unique_name("events"),
        KafkaVersion="3.6.0",
        NumberOfBrokerNodes=2,
        BrokerNodeGroupInfo=broker_nodes(two_subnets),
    )["ClusterArn"]
    encryption = aws.kafka.describe_cluster(ClusterArn=arn)["ClusterInfo"]["EncryptionInfo"]
    # HINT: predict the in-transit settings of a cluster created without any.
    # BEGIN SOLUTION
    expected = {"ClientBroker": "TLS", "InCluster": True}
    # END SOLUTION
    assert encryption["EncryptionInTransit"] == expected
    assert encryption["EncryptionAtRest"]["DataVolumeKMSKeyId"]
