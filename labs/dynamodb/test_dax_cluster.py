"""DynamoDB Accelerator (DAX): how many nodes a cache cluster holds.

DAX is an in-memory cache in front of a table: a cluster of nodes, one of them
the primary (it writes through to DynamoDB), the others read replicas that
spread the reads. CreateCluster's ``ReplicationFactor`` is the number of nodes:
1 for a single node, more for replicas in several Availability Zones. A cluster
holds at most 11 nodes, the primary and up to 10 read replicas; a 12th is refused
(``NodeQuotaForClusterExceededFault``). The API reference still says 10: the
developer guide and the service quotas page say 11. ``AvailabilityZones`` names
the zone of each node (AWS spreads them itself when it is left out): three
nodes in three zones survive the loss of one.

Notes, "dynamodb > dynamodb accelerator (DAX)".
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

from harness.testkit.iam import service_role

DAX_NODES = (
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAX.concepts.cluster.html"
)
DAX_ERRATA = (
    "a DAX cluster holds up to 11 nodes: the primary node and up to 10 read replicas "
    "(the developer guide and the DAX quotas; the API reference's 'between 3 and 10' is older)"
)


@pytest.fixture
def create_cluster(aws, unique_name):
    """``create_cluster(nodes, **options)`` -> CreateCluster's cluster description; each cluster
    made is deleted after the test (a DAX node is billed by the hour)."""
    role = service_role(aws.iam, unique_name("dax"), "dax.amazonaws.com")
    made: list[str] = []

    def create(nodes: int, **options) -> dict:
        name = unique_name(f"cache{len(made)}")  # at most 20 characters
        cluster = aws.dax.create_cluster(
            ClusterName=name,
            NodeType="dax.t3.small",
            ReplicationFactor=nodes,
            IamRoleArn=role,
            **options,
        )["Cluster"]
        made.append(name)
        return cluster

    yield create
    for name in made:
        aws.dax.delete_cluster(ClusterName=name)


@pytest.mark.claim(
    "dynamodb.dax-up-to-11-nodes",
    quote="up to 10 nodes in the cluster",
    errata=DAX_ERRATA,
    source=DAX_NODES,
)
def test_a_cluster_holds_eleven_nodes(aws, create_cluster):
    # HINT: the largest number of nodes (ReplicationFactor) one DAX cluster may have.
    # BEGIN SOLUTION
    nodes = 11
    # END SOLUTION
    name = create_cluster(nodes)["ClusterName"]
    described = aws.dax.describe_clusters(ClusterNames=[name])["Clusters"][0]
    assert described["TotalNodes"] == 11


@pytest.mark.claim(
    "dynamodb.dax-twelfth-node-refused",
    quote="up to 10 nodes in the cluster",
    errata=DAX_ERRATA,
    source=DAX_NODES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a DAX cluster of any size (12 nodes); AWS refuses more than 11 "
    "(NodeQuotaForClusterExceededFault)",
)
def test_a_twelfth_node_is_refused(aws, create_cluster):
    with pytest.raises(ClientError) as refused:
        create_cluster(12)
    assert refused.value.response["Error"]["Code"] == "NodeQuotaForClusterExceededFault"


@pytest.mark.claim(
    "dynamodb.dax-encryption",
    quote="secure",
    line=1667,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html",
)
def test_a_cluster_encrypts_at_rest_and_in_transit_when_asked(create_cluster):
    plain = create_cluster(1)
    assert plain["SSEDescription"]["Status"] == "DISABLED", "off unless asked"
    # HINT: the CreateCluster options for encryption at rest and TLS between client and cluster.
    # BEGIN SOLUTION
    options = {"SSESpecification": {"Enabled": True}, "ClusterEndpointEncryptionType": "TLS"}
    # END SOLUTION
    secure = create_cluster(1, **options)
    assert secure["SSEDescription"]["Status"] == "ENABLED"
    assert secure["ClusterEndpointEncryptionType"] == "TLS"


@pytest.mark.claim(
    "dynamodb.dax-multi-az",
    quote="multi-az",
    line=1666,
    source="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_dax_CreateCluster.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto places every node of a DAX cluster in the Region's first Availability Zone "
    "(it ignores AvailabilityZones); AWS puts each node in the zone it is given",
)
def test_a_cluster_spreads_its_nodes_over_availability_zones(aws, create_cluster, eventually):
    zones = [f"{aws.region}{letter}" for letter in "abc"]
    # HINT: a cluster of three nodes (create_cluster), one in each of `zones`.
    # BEGIN SOLUTION
    cluster = create_cluster(3, AvailabilityZones=zones)
    # END SOLUTION

    def node_zones() -> list[str]:
        [described] = aws.dax.describe_clusters(ClusterNames=[cluster["ClusterName"]])["Clusters"]
        return sorted(node["AvailabilityZone"] for node in described.get("Nodes", []))

    assert eventually(lambda: len(node_zones()) == 3 and node_zones(), aws_takes=120) == zones
