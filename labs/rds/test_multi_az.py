"""Multi-AZ: a standby in another zone, behind the same name.

A Multi-AZ DB instance has a synchronous standby in a second Availability
Zone. The application never sees it: there is one endpoint, and on a failover
RDS points that DNS name at the standby, which becomes the primary. The
standby serves no reads (it is not a read replica), so Multi-AZ is for
availability, not for scale. An existing Single-AZ instance becomes Multi-AZ
with a modification: RDS snapshots it, restores the snapshot in another zone
and starts synchronous replication, without downtime.

Notes, "rds and aurora and elasticache > RDS > multi-az (Disaster Recovery)".
"""

import pytest

MULTI_AZ = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html"
)
DB_INSTANCE = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html"


@pytest.mark.claim(
    "rds.multi-az-by-modification",
    quote="from single-az to multi-az: click `modify`",
    source=MULTI_AZ,
)
def test_a_single_az_instance_becomes_multi_az_by_modification(aws, create_db, describe_db):
    single = create_db("orders")
    assert single["MultiAZ"] is False, "a new instance is Single-AZ unless asked"
    # HINT: modify the instance into a Multi-AZ deployment, now rather than in the
    # HINT: next maintenance window.
    # BEGIN SOLUTION
    aws.rds.modify_db_instance(
        DBInstanceIdentifier=single["DBInstanceIdentifier"], MultiAZ=True, ApplyImmediately=True
    )
    # END SOLUTION
    modified = describe_db(single["DBInstanceIdentifier"])
    assert modified["MultiAZ"] is True
    assert modified["DBInstanceArn"] == single["DBInstanceArn"], "the same instance, not a new one"


@pytest.mark.claim("rds.multi-az-one-dns-name", quote="one DNS name", source=MULTI_AZ)
def test_the_endpoint_survives_the_change_and_a_failover(aws, create_db, describe_db):
    instance = create_db("orders", MultiAZ=False)
    address = instance["Endpoint"]["Address"]
    aws.rds.modify_db_instance(
        DBInstanceIdentifier=instance["DBInstanceIdentifier"], MultiAZ=True, ApplyImmediately=True
    )
    after_modification = describe_db(instance["DBInstanceIdentifier"])
    # Fail over to the standby, as RDS does when the primary's zone fails.
    aws.rds.reboot_db_instance(
        DBInstanceIdentifier=instance["DBInstanceIdentifier"], ForceFailover=True
    )
    after_failover = describe_db(instance["DBInstanceIdentifier"])
    # HINT: predict: does the application keep the same address after each step? (True or False)
    # BEGIN SOLUTION
    same_after_modification = True
    same_after_failover = True
    # END SOLUTION
    assert (after_modification["Endpoint"]["Address"] == address) is same_after_modification
    assert (after_failover["Endpoint"]["Address"] == address) is same_after_failover
    assert after_failover["MultiAZ"] is True


@pytest.mark.claim("rds.multi-az-standby", quote="just a standby", source=DB_INSTANCE)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto shows no SecondaryAvailabilityZone for a Multi-AZ instance; AWS names "
    "the standby's zone there",
)
def test_the_standby_is_only_a_zone_name(create_db):
    instance = create_db("orders", MultiAZ=True)
    # HINT: predict: is the standby listed among the read replicas, and is it in the
    # HINT: primary's zone? (True or False each)
    # BEGIN SOLUTION
    standby_is_a_replica = False
    standby_in_the_same_zone = False
    # END SOLUTION
    assert (instance["ReadReplicaDBInstanceIdentifiers"] != []) is standby_is_a_replica
    standby_zone = instance["SecondaryAvailabilityZone"]
    assert (standby_zone == instance["AvailabilityZone"]) is standby_in_the_same_zone
