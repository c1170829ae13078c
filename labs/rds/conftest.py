"""Shared fixtures for the RDS, Aurora and ElastiCache labs.

There is no database engine behind any of it: on an emulator a DB instance is
a record that answers the management API (its endpoint, its replicas, its
flags), never a connection. The labs check what that API shows.
"""

from __future__ import annotations

import pytest

#: The smallest class every engine here runs on; no emulator bills it, AWS does.
INSTANCE_CLASS = "db.t3.micro"
AURORA_CLASS = "db.r6g.large"
CACHE_NODE = "cache.t3.micro"
PASSWORD = "awslab-not-a-secret-1"


@pytest.fixture
def create_db(aws, unique_name):
    """``create_db("orders", Engine="postgres", ...)``: a new MySQL DB instance (20 GiB,
    automated backups on, so that it can have read replicas), waited until available;
    its description.

    Keyword arguments are CreateDBInstance's, and override the defaults.
    """

    def create_db(stem: str, **extra) -> dict:
        identifier = unique_name(stem)
        settings = {
            "DBInstanceIdentifier": identifier,
            "DBInstanceClass": INSTANCE_CLASS,
            "Engine": "mysql",
            "MasterUsername": "admin",
            "MasterUserPassword": PASSWORD,
            "AllocatedStorage": 20,
            "BackupRetentionPeriod": 1,
            **extra,
        }
        aws.rds.create_db_instance(**settings)
        return wait_for_db(aws.rds, settings["DBInstanceIdentifier"])

    return create_db


def wait_for_db(rds, identifier: str) -> dict:
    """The instance's description once it is available (a creation or a change takes
    minutes on AWS; an emulator answers at once, so one call is enough there)."""
    [instance] = rds.describe_db_instances(DBInstanceIdentifier=identifier)["DBInstances"]
    if instance["DBInstanceStatus"] == "available":
        return instance
    rds.get_waiter("db_instance_available").wait(DBInstanceIdentifier=identifier)
    return rds.describe_db_instances(DBInstanceIdentifier=identifier)["DBInstances"][0]


@pytest.fixture
def describe_db(aws):
    """``describe_db(identifier)``: the instance's current description, once available."""
    return lambda identifier: wait_for_db(aws.rds, identifier)


@pytest.fixture
def source_db(create_db) -> dict:
    """A MySQL DB instance with automated backups: the source of read replicas."""
    return create_db("source")


@pytest.fixture
def create_cluster(aws, unique_name):
    """``create_cluster("shop", Engine="aurora-postgresql", ...)``: a new Aurora MySQL DB
    cluster, without instances yet; its description.

    Keyword arguments are CreateDBCluster's, and override the defaults.
    """

    def create_cluster(stem: str, **extra) -> dict:
        settings = {
            "DBClusterIdentifier": unique_name(stem),
            "Engine": "aurora-mysql",
            "MasterUsername": "admin",
            "MasterUserPassword": PASSWORD,
            **extra,
        }
        return aws.rds.create_db_cluster(**settings)["DBCluster"]

    return create_cluster


@pytest.fixture
def add_instance(aws, unique_name):
    """``add_instance(cluster, "writer")``: a DB instance in an Aurora cluster (the first
    one is the writer, the next ones readers), waited until available unless
    ``wait=False``; its identifier."""

    def add_instance(cluster: dict, stem: str, wait: bool = True) -> str:
        identifier = unique_name(stem)
        aws.rds.create_db_instance(
            DBInstanceIdentifier=identifier,
            DBClusterIdentifier=cluster["DBClusterIdentifier"],
            Engine=cluster["Engine"],
            DBInstanceClass=AURORA_CLASS,
        )
        if wait:
            wait_for_db(aws.rds, identifier)
        return identifier

    return add_instance


@pytest.fixture
def cluster_members(aws):
    """``cluster_members(cluster_id)``: ``{instance id: is the writer}``."""

    def cluster_members(cluster_id: str) -> dict[str, bool]:
        cluster = aws.rds.describe_db_clusters(DBClusterIdentifier=cluster_id)["DBClusters"][0]
        return {
            member["DBInstanceIdentifier"]: member["IsClusterWriter"]
            for member in cluster["DBClusterMembers"]
        }

    return cluster_members


@pytest.fixture
def create_replication_group(aws, unique_name):
    """``create_replication_group("sessions", NumCacheClusters=2, ...)``: a new Redis OSS
    replication group (cluster mode disabled), waited until available; its description."""

    def create_replication_group(stem: str, **extra) -> dict:
        identifier = unique_name(stem)
        aws.elasticache.create_replication_group(
            ReplicationGroupId=identifier,
            ReplicationGroupDescription="awslab",
            Engine="redis",
            CacheNodeType=CACHE_NODE,
            **extra,
        )
        aws.elasticache.get_waiter("replication_group_available").wait(
            ReplicationGroupId=identifier
        )
        groups = aws.elasticache.describe_replication_groups(ReplicationGroupId=identifier)
        return groups["ReplicationGroups"][0]

    return create_replication_group


@pytest.fixture
def create_cache_cluster(aws, unique_name):
    """``create_cache_cluster("pages", Engine="memcached", NumCacheNodes=2)``: a new cache
    cluster (without waiting: a refused one never becomes available); its id."""

    def create_cache_cluster(stem: str, **settings) -> str:
        identifier = unique_name(stem)
        aws.elasticache.create_cache_cluster(
            CacheClusterId=identifier, CacheNodeType=CACHE_NODE, **settings
        )
        return identifier

    return create_cache_cluster
