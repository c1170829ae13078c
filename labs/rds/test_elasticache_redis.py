"""ElastiCache for Redis OSS: a primary, replicas, failover and snapshots.

A Redis OSS replication group (cluster mode disabled) is one primary node
that takes the writes and up to five replicas that copy it and serve reads,
each its own cache cluster. With automatic failover (and Multi-AZ, replicas in
other zones), ElastiCache promotes a replica when the primary fails: it needs
at least one replica to do so. A snapshot saves the data; a new replication
group can start from it.

Notes, "rds and aurora and elasticache > elasticache > managed redis".
"""

import pytest

REPLICATION = (
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Replication.Redis.Groups.html"
)
FAILOVER = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/AutoFailover.html"
BACKUP = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups.html"


@pytest.mark.claim(
    "rds.redis-multi-az-failover", quote="multi-az and auto failover", source=FAILOVER
)
def test_failover_and_multi_az_are_switched_on_per_group(create_replication_group):
    plain = create_replication_group("plain")
    assert (plain["AutomaticFailover"], plain["MultiAZ"]) == ("disabled", "disabled")
    # HINT: create_replication_group("sessions", ...) with a primary and one replica,
    # HINT: automatic failover and Multi-AZ.
    # BEGIN SOLUTION
    group = create_replication_group(
        "sessions", NumCacheClusters=2, AutomaticFailoverEnabled=True, MultiAZEnabled=True
    )
    # END SOLUTION
    assert (group["AutomaticFailover"], group["MultiAZ"]) == ("enabled", "enabled")


@pytest.mark.claim("rds.redis-read-replicas", quote="read replicas with HA", source=REPLICATION)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto makes one node whatever NumCacheClusters says; AWS makes a primary and "
    "the replicas asked for, each a cache cluster of its own",
)
def test_a_group_has_one_primary_and_its_replicas(create_replication_group):
    group = create_replication_group("sessions", NumCacheClusters=3)
    [node_group] = group["NodeGroups"]
    roles = sorted(member["CurrentRole"] for member in node_group["NodeGroupMembers"])
    # HINT: predict the sorted roles of the three nodes.
    # BEGIN SOLUTION
    expected = ["primary", "replica", "replica"]
    # END SOLUTION
    assert roles == expected
    assert len(group["MemberClusters"]) == 3
    assert "ReaderEndpoint" in node_group, "reads spread over the replicas"


@pytest.mark.claim("rds.redis-backup-restore", quote="backup and restore", line=260, source=BACKUP)
def test_a_snapshot_seeds_a_new_group(aws, create_replication_group, unique_name, eventually):
    group = create_replication_group("sessions")
    # HINT: snapshot the group (name it unique_name("nightly")).
    # BEGIN SOLUTION
    aws.elasticache.create_snapshot(
        ReplicationGroupId=group["ReplicationGroupId"], SnapshotName=unique_name("nightly")
    )
    # END SOLUTION

    def snapshot_status() -> str | None:
        [snapshot] = aws.elasticache.describe_snapshots(SnapshotName=unique_name("nightly"))[
            "Snapshots"
        ]
        return snapshot["SnapshotStatus"] == "available" and snapshot["SnapshotStatus"]

    eventually(snapshot_status, aws_takes=120)
    restored = create_replication_group("restored", SnapshotName=unique_name("nightly"))
    assert restored["Status"] == "available"
