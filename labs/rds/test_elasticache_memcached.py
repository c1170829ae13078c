"""ElastiCache for Memcached: many nodes, no copies, nothing saved.

A Memcached cluster spreads keys over up to 40 nodes (more on request): it
scales out, and runs many threads per node. It keeps no replica, so a node
lost is its keys lost, and it saves nothing: there is no snapshot to take or
to restore. Redis OSS is the engine for that.

Notes, "rds and aurora and elasticache > elasticache > managed memcached".
"""

import pytest

NODES = (
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheCluster.html"
)
SNAPSHOTS = (
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateSnapshot.html"
)
REPLICATION = "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html"
#: The errors CreateReplicationGroup documents for a value it does not take. Its reference
#: says the engine "must be set to valkey or redis" without naming which of the two a
#: Memcached group gets, so the lab accepts either: what it proves is the refusal.
REFUSED_PARAMETER = {"InvalidParameterValue", "InvalidParameterCombination"}


@pytest.mark.claim("rds.memcached-multi-node", quote="mutli-node", source=NODES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any NumCacheNodes (41 too); AWS takes 1 to 40 for Memcached "
    "(NodeQuotaForClusterExceeded)",
)
def test_a_memcached_cluster_takes_up_to_40_nodes(aws, create_cache_cluster, error_code):
    def answer(nodes: int) -> str | None:
        return error_code(
            create_cache_cluster, f"pages{nodes}", Engine="memcached", NumCacheNodes=nodes
        )

    # HINT: what does CreateCacheCluster answer each node count? {count: None if it takes
    # HINT: it, else the error code}
    # BEGIN SOLUTION
    expected = {1: None, 40: None, 41: "NodeQuotaForClusterExceeded"}
    # END SOLUTION
    assert {nodes: answer(nodes) for nodes in expected} == expected


@pytest.mark.claim("rds.memcached-no-snapshots", quote="no backup and restore", source=SNAPSHOTS)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto snapshots a Memcached cluster; AWS refuses it (SnapshotFeatureNotSupportedFault)",
)
def test_memcached_cannot_be_snapshotted(aws, create_cache_cluster, unique_name, error_code):
    redis = create_cache_cluster("sessions", Engine="redis", NumCacheNodes=1)
    memcached = create_cache_cluster("pages", Engine="memcached", NumCacheNodes=2)
    waiter = aws.elasticache.get_waiter("cache_cluster_available")
    waiter.wait(CacheClusterId=redis)
    waiter.wait(CacheClusterId=memcached)

    def snapshot(cluster: str) -> str | None:
        return error_code(
            aws.elasticache.create_snapshot,
            CacheClusterId=cluster,
            SnapshotName=unique_name(f"{cluster[-5:]}-snap"),
        )

    # HINT: what does CreateSnapshot answer for each engine's cluster? (None if it works)
    # BEGIN SOLUTION
    expected = {"redis": None, "memcached": "SnapshotFeatureNotSupportedFault"}
    # END SOLUTION
    assert {"redis": snapshot(redis), "memcached": snapshot(memcached)} == expected


@pytest.mark.claim("rds.memcached-no-replication", quote="no HA", source=REPLICATION)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto makes a Memcached replication group with automatic failover; AWS takes "
    "only Valkey or Redis OSS for a replication group",
)
def test_memcached_has_no_replicas_to_fail_over_to(aws, unique_name, error_code):
    def replication_group(engine: str) -> str | None:
        return error_code(
            aws.elasticache.create_replication_group,
            ReplicationGroupId=unique_name(engine[:5]),
            ReplicationGroupDescription="a primary and a replica to fail over to",
            Engine=engine,
            CacheNodeType="cache.t3.micro",
            NumCacheClusters=2,
            AutomaticFailoverEnabled=True,
        )

    # HINT: which engines take a replication group (a primary, its replicas, failover)?
    # HINT: {engine: True if CreateReplicationGroup takes it}
    # BEGIN SOLUTION
    expected = {"redis": True, "memcached": False}
    # END SOLUTION
    answers = {engine: replication_group(engine) for engine in expected}
    assert {engine: code is None for engine, code in answers.items()} == expected
    assert answers["memcached"] in REFUSED_PARAMETER, answers["memcached"]
