"""RDS Proxy: a pool of database connections in front of RDS and Aurora.

Thousands of short-lived clients (Lambda functions) would each open a
connection of their own; RDS Proxy keeps a pool of connections to the
database and lends them out, and on a failover keeps the clients' connections
while it reconnects to the new primary. It lives in your VPC's subnets: it has
no public endpoint. It logs in to the database with a secret from Secrets
Manager, through an IAM role it assumes.

Notes, "rds and aurora and elasticache > RDS > rds proxy".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document, service_role

RDS_PROXY = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-proxy.html"
POOL = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/"
    "API_ConnectionPoolConfigurationInfo.html"
)
CREATE_PROXY = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBProxy.html"


@pytest.fixture
def proxy_settings(aws, unique_name, vpc_subnets) -> dict:
    """What CreateDBProxy needs besides a name: the secret it logs in with, the role that
    reads the secret, and two subnets of the default VPC."""
    secret = aws.secretsmanager.create_secret(
        Name=unique_name("db-login"),
        SecretString=json.dumps({"username": "admin", "password": "awslab-not-a-secret-1"}),
    )["ARN"]
    role = service_role(aws.iam, unique_name("proxy"), "rds.amazonaws.com")
    aws.iam.put_role_policy(
        RoleName=unique_name("proxy"),
        PolicyName="read-the-login",
        PolicyDocument=json.dumps(policy_document(allow("secretsmanager:GetSecretValue", secret))),
    )
    return {
        "EngineFamily": "MYSQL",
        "Auth": [{"AuthScheme": "SECRETS", "SecretArn": secret, "IAMAuth": "DISABLED"}],
        "RoleArn": role,
        "VpcSubnetIds": vpc_subnets,
    }


@pytest.fixture
def vpc_subnets(aws) -> list[str]:
    """Two subnets of the default VPC, in two zones."""
    vpcs = aws.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    subnets = aws.ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [vpcs[0]["VpcId"]]}])[
        "Subnets"
    ]
    return [subnet["SubnetId"] for subnet in subnets[:2]]


@pytest.fixture
def create_proxy(aws, unique_name, proxy_settings, eventually):
    """``create_proxy()``: a new RDS Proxy for MySQL, waited until available; its description."""

    def create_proxy() -> dict:
        name = unique_name("proxy")
        aws.rds.create_db_proxy(DBProxyName=name, **proxy_settings)

        def available() -> dict | None:
            [proxy] = aws.rds.describe_db_proxies(DBProxyName=name)["DBProxies"]
            return proxy if proxy["Status"] == "available" else None

        # A proxy takes minutes to create on AWS; an emulator's is available at once.
        return eventually(available, aws_takes=120)

    return create_proxy


@pytest.mark.claim("rds.proxy-managed", quote="fully managed db proxy", source=RDS_PROXY)
def test_a_proxy_fronts_a_database_at_its_own_endpoint(aws, create_proxy, create_db):
    database = create_db("orders")
    proxy = create_proxy()
    # HINT: put the database behind the proxy: register it as a target of the proxy's
    # HINT: default target group.
    # BEGIN SOLUTION
    aws.rds.register_db_proxy_targets(
        DBProxyName=proxy["DBProxyName"],
        TargetGroupName="default",
        DBInstanceIdentifiers=[database["DBInstanceIdentifier"]],
    )
    # END SOLUTION
    targets = aws.rds.describe_db_proxy_targets(DBProxyName=proxy["DBProxyName"])["Targets"]
    assert [target["RdsResourceId"] for target in targets] == [database["DBInstanceIdentifier"]]
    assert proxy["Endpoint"] != database["Endpoint"]["Address"], "clients connect to the proxy"


@pytest.mark.claim("rds.proxy-connection-pool", quote="pool and share db connections", source=POOL)
def test_a_proxy_pools_connections_by_default(aws, create_proxy):
    proxy = create_proxy()
    [group] = aws.rds.describe_db_proxy_target_groups(DBProxyName=proxy["DBProxyName"])[
        "TargetGroups"
    ]
    pool = group["ConnectionPoolConfig"]
    # HINT: predict the default pool: the share of the database's max_connections the proxy
    # HINT: may open (percent), the share it keeps open while idle (percent), and how long
    # HINT: a client waits for a free connection (seconds).
    # BEGIN SOLUTION
    expected = {
        "MaxConnectionsPercent": 100,
        "MaxIdleConnectionsPercent": 50,
        "ConnectionBorrowTimeout": 120,
    }
    # END SOLUTION
    assert {key: pool[key] for key in expected} == expected


@pytest.mark.claim(
    "rds.proxy-in-vpc", quote="must be access from vpc (private)", source=CREATE_PROXY
)
def test_a_proxy_lives_in_your_vpc_without_a_public_address(aws, create_proxy, vpc_subnets):
    proxy = create_proxy()
    vpcs = aws.ec2.describe_subnets(SubnetIds=vpc_subnets)["Subnets"]
    # HINT: predict: does CreateDBProxy take a PubliclyAccessible parameter, as
    # HINT: CreateDBInstance does? (True or False)
    # BEGIN SOLUTION
    proxy_can_be_public = False
    # END SOLUTION
    assert proxy["VpcId"] == vpcs[0]["VpcId"]
    create_proxy_input = aws.rds.meta.service_model.operation_model("CreateDBProxy").input_shape
    create_db_input = aws.rds.meta.service_model.operation_model("CreateDBInstance").input_shape
    assert "PubliclyAccessible" in create_db_input.members
    assert ("PubliclyAccessible" in create_proxy_input.members) is proxy_can_be_public
