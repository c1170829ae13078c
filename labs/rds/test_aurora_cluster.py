"""An Aurora cluster: one storage volume, a writer and readers, two endpoints.

Aurora is AWS's own MySQL- and PostgreSQL-compatible engine. A DB cluster
holds a storage volume that Aurora copies six times across three Availability
Zones, and DB instances that share it: one writer, and up to 15 readers. The
cluster gives two DNS names: the writer (cluster) endpoint, which always
points at the current writer, and the reader endpoint (``cluster-ro-``),
which spreads connections over the readers. When the writer fails, Aurora
promotes a reader, and the writer endpoint follows it.

Notes, "rds and aurora and elasticache > Aurora".
"""

import pytest

AURORA = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.html"
ENDPOINTS = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.Endpoints.html"
)
STORAGE = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html"
REPLICAS = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-replicas-adding.html"
)
GLOBAL = "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html"
FAILOVER = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_FailoverDBCluster.html"


@pytest.mark.claim("rds.aurora-engines", quote="support mysql and postgres", source=AURORA)
def test_aurora_speaks_mysql_and_postgresql(aws, create_cluster, error_code):
    # HINT: create_cluster("shop", Engine=...) for the MySQL-compatible edition, and
    # HINT: create_cluster("ledger", Engine=...) for the PostgreSQL-compatible one.
    # BEGIN SOLUTION
    create_cluster("shop", Engine="aurora-mysql")
    create_cluster("ledger", Engine="aurora-postgresql")
    # END SOLUTION
    clusters = aws.rds.describe_db_clusters()["DBClusters"]
    assert {cluster["Engine"] for cluster in clusters} == {"aurora-mysql", "aurora-postgresql"}
    refused = error_code(
        aws.rds.create_db_cluster,
        DBClusterIdentifier="nosuchaurora",
        Engine="aurora-oracle",
        MasterUsername="admin",
        MasterUserPassword="awslab-not-a-secret-1",
    )
    assert refused == "InvalidParameterValue"


@pytest.mark.claim("rds.aurora-three-zones", quote="6 copies across 3 az:", source=STORAGE)
def test_the_cluster_volume_spans_three_zones(create_cluster):
    cluster = create_cluster("shop")
    # HINT: predict how many Availability Zones the cluster's storage spans.
    # BEGIN SOLUTION
    zones = 3
    # END SOLUTION
    assert len(set(cluster["AvailabilityZones"])) == zones


@pytest.mark.claim("rds.aurora-writer-endpoint", quote="writer endpoint", source=ENDPOINTS)
def test_the_writer_endpoint_names_the_cluster(aws, create_cluster, add_instance, cluster_members):
    cluster = create_cluster("shop")
    writer = add_instance(cluster, "writer")
    reader = add_instance(cluster, "reader")
    # HINT: predict {instance: is it the writer?} for the two instances, in order of creation.
    # BEGIN SOLUTION
    expected = {writer: True, reader: False}
    # END SOLUTION
    assert cluster_members(cluster["DBClusterIdentifier"]) == expected
    endpoint = cluster["Endpoint"]
    assert endpoint.startswith(cluster["DBClusterIdentifier"] + ".cluster-")
    assert not endpoint.startswith(cluster["DBClusterIdentifier"] + ".cluster-ro-")


@pytest.mark.claim("rds.aurora-reader-endpoint", quote="reader endpoint", source=ENDPOINTS)
def test_the_reader_endpoint_is_the_cluster_ro_name(create_cluster):
    cluster = create_cluster("shop")
    # HINT: predict what follows "<cluster id>." in the reader endpoint's name, up to the
    # HINT: next "-" after the word that says "read only".
    # BEGIN SOLUTION
    prefix = "cluster-ro-"
    # END SOLUTION
    assert cluster["ReaderEndpoint"].startswith(f"{cluster['DBClusterIdentifier']}.{prefix}")
    assert cluster["ReaderEndpoint"] != cluster["Endpoint"]


@pytest.mark.claim("rds.aurora-15-replicas", quote="up to 15 read replicas", source=REPLICAS)
def test_a_cluster_holds_a_writer_and_15_readers(create_cluster, add_instance, cluster_members):
    cluster = create_cluster("shop")
    add_instance(cluster, "writer")
    # HINT: add as many readers as an Aurora cluster can have
    # HINT: (add_instance(cluster, f"r{n}", wait=False): the cluster lists each one at once).
    # BEGIN SOLUTION
    for number in range(15):
        add_instance(cluster, f"r{number}", wait=False)
    # END SOLUTION
    members = cluster_members(cluster["DBClusterIdentifier"])
    assert sorted(members.values()) == [False] * 15 + [True]


@pytest.mark.claim("rds.aurora-failover", quote="auto failover", line=244, source=FAILOVER)
def test_a_failover_promotes_a_reader_and_the_endpoint_follows(
    aws, create_cluster, add_instance, cluster_members, eventually
):
    cluster = create_cluster("shop")
    writer = add_instance(cluster, "writer")
    reader = add_instance(cluster, "reader")
    # HINT: fail the cluster over to the reader (what Aurora does by itself when the
    # HINT: writer fails).
    # BEGIN SOLUTION
    aws.rds.failover_db_cluster(
        DBClusterIdentifier=cluster["DBClusterIdentifier"], TargetDBInstanceIdentifier=reader
    )
    # END SOLUTION
    # A failover takes a minute or so on AWS: wait until the reader is the writer.
    promoted = {writer: False, reader: True}
    eventually(lambda: cluster_members(cluster["DBClusterIdentifier"]) == promoted, aws_takes=120)
    after = aws.rds.describe_db_clusters(DBClusterIdentifier=cluster["DBClusterIdentifier"])
    assert after["DBClusters"][0]["Endpoint"] == cluster["Endpoint"]


@pytest.mark.claim(
    "rds.aurora-cross-region", quote="cross-region replication", line=245, source=GLOBAL
)
def test_a_global_database_replicates_to_another_region(aws, create_cluster, unique_name):
    primary = create_cluster("shop")
    aws.rds.get_waiter("db_cluster_available").wait(
        DBClusterIdentifier=primary["DBClusterIdentifier"]
    )
    europe = aws.session.client("rds", region_name="eu-west-1", endpoint_url=aws.endpoint_url)
    # HINT: make a global database from the primary cluster (its ARN), then a secondary
    # HINT: cluster in eu-west-1 (the `europe` client) that joins it.
    # BEGIN SOLUTION
    aws.rds.create_global_cluster(
        GlobalClusterIdentifier=unique_name("global"),
        SourceDBClusterIdentifier=primary["DBClusterArn"],
    )
    europe.create_db_cluster(
        DBClusterIdentifier=unique_name("shop-eu"),
        Engine="aurora-mysql",
        GlobalClusterIdentifier=unique_name("global"),
    )
    # END SOLUTION
    [global_cluster] = aws.rds.describe_global_clusters(
        GlobalClusterIdentifier=unique_name("global")
    )["GlobalClusters"]
    regions = {
        member["DBClusterArn"].split(":")[3] for member in global_cluster["GlobalClusterMembers"]
    }
    assert regions == {aws.region, "eu-west-1"}
