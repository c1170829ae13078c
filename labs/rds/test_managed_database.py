"""A managed database: pick an engine, never a server to log in to.

RDS runs the database engine you choose (MySQL, PostgreSQL, MariaDB, Oracle,
SQL Server, or Aurora) on instances AWS manages: you call an API to create,
resize or replicate it, and connect to its endpoint with a database client.
There is no key pair to give and no EC2 instance of yours behind it. Its
storage can grow by itself up to a ceiling you set, the "maximum storage
threshold" (``MaxAllocatedStorage``).

Notes, "rds and aurora and elasticache > RDS".
"""

import pytest

ENGINES = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html"
AUTOSCALING = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html"


@pytest.mark.claim(
    "rds.many-engines",
    quote="support multi different db engines, including aws aurora",
    source=ENGINES,
)
def test_one_api_many_engines(aws, create_db, create_cluster, error_code):
    # HINT: create a PostgreSQL instance with create_db("catalog", Engine=...), then an
    # HINT: Aurora cluster of the MySQL-compatible edition with create_cluster("shop", Engine=...).
    # BEGIN SOLUTION
    create_db("catalog", Engine="postgres")
    create_cluster("shop", Engine="aurora-mysql")
    # END SOLUTION
    create_db("orders", Engine="mysql")
    instances = aws.rds.describe_db_instances()["DBInstances"]
    clusters = aws.rds.describe_db_clusters()["DBClusters"]
    assert {"mysql", "postgres"} <= {instance["Engine"] for instance in instances}
    assert "aurora-mysql" in {cluster["Engine"] for cluster in clusters}
    # An engine RDS does not run is refused by the service.
    refused = error_code(
        aws.rds.create_db_instance,
        DBInstanceIdentifier="nosuchengine",
        DBInstanceClass="db.t3.micro",
        Engine="cassandra",
        MasterUsername="admin",
        MasterUserPassword="awslab-not-a-secret-1",
        AllocatedStorage=20,
    )
    assert refused == "InvalidParameterValue"


@pytest.mark.claim(
    "rds.no-ssh",
    quote="cannot ssh to the underlying instances",
    source=ENGINES,
)
def test_a_db_instance_has_no_key_pair_and_no_ec2_instance(aws, create_db):
    def ec2_instances() -> set[str]:
        reservations = aws.ec2.describe_instances()["Reservations"]
        return {i["InstanceId"] for r in reservations for i in r["Instances"]}

    before = ec2_instances()
    create_db("orders")
    # HINT: which parameter of EC2's RunInstances gives SSH access (a key pair's name)?
    # BEGIN SOLUTION
    ssh_parameter = "KeyName"
    # END SOLUTION
    run_instances = aws.ec2.meta.service_model.operation_model("RunInstances").input_shape
    create_db_instance = aws.rds.meta.service_model.operation_model("CreateDBInstance").input_shape
    assert ssh_parameter in run_instances.members
    assert ssh_parameter not in create_db_instance.members
    # The instance runs on hosts AWS manages: no EC2 instance of yours appeared.
    assert ec2_instances() == before


@pytest.mark.claim(
    "rds.storage-autoscaling-threshold",
    quote="have to set `Maximum Storage Threshold`",
    source=AUTOSCALING,
)
def test_storage_grows_only_up_to_the_threshold_you_set(aws, create_db, error_code):
    fixed = create_db("fixed")
    assert "MaxAllocatedStorage" not in fixed, "without a threshold, storage does not scale"
    # HINT: create_db("growing", ...) with 20 GiB that may grow by itself up to 100 GiB.
    # BEGIN SOLUTION
    growing = create_db("growing", AllocatedStorage=20, MaxAllocatedStorage=100)
    # END SOLUTION
    assert (growing["AllocatedStorage"], growing["MaxAllocatedStorage"]) == (20, 100)
    # A threshold below the storage already allocated is refused.
    below = error_code(
        aws.rds.modify_db_instance,
        DBInstanceIdentifier=fixed["DBInstanceIdentifier"],
        MaxAllocatedStorage=10,
        ApplyImmediately=True,
    )
    assert below == "InvalidParameterCombination"
