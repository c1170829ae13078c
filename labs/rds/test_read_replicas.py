"""Read replicas: copies to read from, each with its own address.

A read replica is a DB instance RDS keeps in step with a source instance,
asynchronously; the application reads from it to take load off the source.
It can sit in the source's Availability Zone, in another one, or in another
Region (named there by the source's ARN). Each replica has its own endpoint,
so the application must be told where to send its reads; a replica can be
promoted into a standalone instance that accepts writes, and from then on it
no longer follows its source. A source needs automated backups to have replicas.

Notes, "rds and aurora and elasticache > RDS > read replicas".
"""

import pytest

READ_REPLICAS = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html"
CREATE_REPLICA = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstanceReadReplica.html"
)
PROMOTE = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.Promote.html"


@pytest.fixture
def replicate(aws, unique_name, source_db, describe_db):
    """``replicate("r1", **extra)``: a read replica of ``source_db``, waited until
    available (unless ``wait=False``); its description (its identifier, without waiting)."""

    def replicate(stem: str, wait: bool = True, **extra) -> dict | str:
        identifier = unique_name(stem)
        aws.rds.create_db_instance_read_replica(
            DBInstanceIdentifier=identifier,
            SourceDBInstanceIdentifier=source_db["DBInstanceIdentifier"],
            **extra,
        )
        return describe_db(identifier) if wait else identifier

    return replicate


@pytest.mark.claim("rds.read-replicas-up-to-15", quote="up to 15", line=219, source=CREATE_REPLICA)
def test_one_source_feeds_15_replicas(aws, source_db, replicate, describe_db):
    # HINT: how many read replicas can a MySQL instance have? Make them all
    # HINT: (replicate(f"r{n}", wait=False): the source lists a replica from its creation).
    # BEGIN SOLUTION
    for number in range(15):
        replicate(f"r{number}", wait=False)
    # END SOLUTION
    source = describe_db(source_db["DBInstanceIdentifier"])
    assert len(source["ReadReplicaDBInstanceIdentifiers"]) == 15


@pytest.mark.claim(
    "rds.read-replica-placement",
    quote="within az, cross az or cross region",
    source=CREATE_REPLICA,
)
def test_a_replica_in_the_same_zone_another_zone_and_another_region(
    aws, session_for_region, source_db, replicate, unique_name
):
    zone = source_db["AvailabilityZone"]
    other_zone = next(
        z["ZoneName"]
        for z in aws.ec2.describe_availability_zones()["AvailabilityZones"]
        if z["ZoneName"] != zone
    )
    same = replicate("same-az", AvailabilityZone=zone)
    other = replicate("other-az", AvailabilityZone=other_zone)
    assert (same["AvailabilityZone"], other["AvailabilityZone"]) == (zone, other_zone)
    europe = session_for_region("eu-west-1")
    # HINT: in eu-west-1 (the `europe` client), make a replica of the source: from another
    # HINT: Region, the source is named by its ARN (source_db["DBInstanceArn"]).
    # BEGIN SOLUTION
    europe.create_db_instance_read_replica(
        DBInstanceIdentifier=unique_name("eu"),
        SourceDBInstanceIdentifier=source_db["DBInstanceArn"],
        SourceRegion=aws.region,
    )
    # END SOLUTION
    europe.get_waiter("db_instance_available").wait(DBInstanceIdentifier=unique_name("eu"))
    [replica] = [
        instance
        for instance in europe.describe_db_instances()["DBInstances"]
        if instance["DBInstanceIdentifier"] == unique_name("eu")
    ]
    assert replica["ReadReplicaSourceDBInstanceIdentifier"] == source_db["DBInstanceArn"]
    replicas = aws.rds.describe_db_instances(DBInstanceIdentifier=source_db["DBInstanceIdentifier"])
    listed = replicas["DBInstances"][0]["ReadReplicaDBInstanceIdentifiers"]
    assert replica["DBInstanceArn"] in listed, "a cross-Region replica is listed by its ARN"


@pytest.mark.claim(
    "rds.read-replica-own-endpoint",
    quote="apps must update db connection string",
    source=READ_REPLICAS,
)
def test_a_replica_answers_at_its_own_address(source_db, replicate):
    replica = replicate("reports")
    # HINT: predict: is the replica's endpoint address the source's (True or False)?
    # BEGIN SOLUTION
    same_address = False
    # END SOLUTION
    assert (replica["Endpoint"]["Address"] == source_db["Endpoint"]["Address"]) is same_address
    assert replica["ReadReplicaSourceDBInstanceIdentifier"] == source_db["DBInstanceIdentifier"]


@pytest.mark.claim(
    "rds.read-replica-promotion",
    quote="replicas can be promoted to their own db",
    source=PROMOTE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's PromoteReadReplica changes nothing visible: the promoted instance still "
    "names its source, and the source still lists it; AWS detaches it from its source",
)
def test_a_promoted_replica_stands_alone(aws, source_db, replicate, describe_db):
    replica = replicate("analytics")
    # HINT: promote the replica to a standalone instance.
    # BEGIN SOLUTION
    aws.rds.promote_read_replica(DBInstanceIdentifier=replica["DBInstanceIdentifier"])
    # END SOLUTION
    promoted = describe_db(replica["DBInstanceIdentifier"])
    assert "ReadReplicaSourceDBInstanceIdentifier" not in promoted
    source = describe_db(source_db["DBInstanceIdentifier"])
    assert replica["DBInstanceIdentifier"] not in source["ReadReplicaDBInstanceIdentifiers"]


@pytest.fixture
def session_for_region(aws):
    """``session_for_region("eu-west-1")``: an RDS client for another Region, on the same
    backend (an emulator's endpoint, or AWS)."""

    def session_for_region(region: str):
        return aws.session.client("rds", region_name=region, endpoint_url=aws.endpoint_url)

    return session_for_region
