"""RDS and Aurora security: encryption at rest, IAM sign-in, logs.

Encryption at rest is chosen when the database is created, with a KMS key:
it covers the storage, the snapshots, the replicas and the logs, and cannot be
switched on afterwards (you restore an encrypted copy of a snapshot instead).
IAM database authentication lets a user sign in with a short-lived token
instead of a password: the token is a SigV4-signed URL the SDK makes on the
client side (``generate_db_auth_token``), valid 15 minutes; the database
checks it. The engine's logs (MySQL's audit log among them) can be exported to
CloudWatch Logs.

There is no database engine behind an emulator's instance: a token is never
checked here, and no log line is ever written.

Notes, "rds and aurora and elasticache > Aurora > rds & aurora security".
"""

from urllib.parse import parse_qs, urlsplit

import pytest

ENCRYPTION = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html"
IAM_AUTH = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html"
SECURITY_GROUPS = (
    "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.RDSSecurityGroups.html"
)
LOG_EXPORTS = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.Procedural.UploadtoCloudWatch.html"


@pytest.mark.claim("rds.encryption-at-rest", quote="at-rest encryption", source=ENCRYPTION)
def test_storage_is_encrypted_with_a_kms_key_chosen_at_creation(aws, create_db):
    key_arn = aws.kms.create_key(Description="awslab rds")["KeyMetadata"]["Arn"]
    plain = create_db("plain")
    assert plain["StorageEncrypted"] is False, "the API's default: not encrypted"
    # HINT: create_db("secure", ...) with its storage encrypted under key_arn.
    # BEGIN SOLUTION
    secure = create_db("secure", StorageEncrypted=True, KmsKeyId=key_arn)
    # END SOLUTION
    assert (secure["StorageEncrypted"], secure["KmsKeyId"]) == (True, key_arn)
    # Only at creation: ModifyDBInstance has no way to encrypt an existing instance.
    modify = aws.rds.meta.service_model.operation_model("ModifyDBInstance").input_shape
    assert "StorageEncrypted" not in modify.members
    assert (
        "StorageEncrypted"
        in aws.rds.meta.service_model.operation_model("CreateDBInstance").input_shape.members
    )


@pytest.mark.claim("rds.iam-authentication", quote="iam authentication", source=IAM_AUTH)
def test_iam_authentication_trades_a_password_for_a_signed_token(aws, create_db, describe_db):
    database = create_db("orders")
    assert database["IAMDatabaseAuthenticationEnabled"] is False
    # HINT: turn IAM database authentication on for the instance, now.
    # BEGIN SOLUTION
    aws.rds.modify_db_instance(
        DBInstanceIdentifier=database["DBInstanceIdentifier"],
        EnableIAMDatabaseAuthentication=True,
        ApplyImmediately=True,
    )
    # END SOLUTION
    assert describe_db(database["DBInstanceIdentifier"])["IAMDatabaseAuthenticationEnabled"]
    # The token is made here, by the SDK, without a call: a presigned "connect" request.
    endpoint = database["Endpoint"]
    token = aws.rds.generate_db_auth_token(
        DBHostname=endpoint["Address"], Port=endpoint["Port"], DBUsername="reporting"
    )
    query = parse_qs(urlsplit("https://" + token).query)
    assert (query["Action"], query["DBUser"]) == (["connect"], ["reporting"])
    assert query["X-Amz-Expires"] == ["900"], "valid 15 minutes"


@pytest.mark.claim(
    "rds.audit-log-export",
    quote="audit logs can be enabled and sent to cloudwatch logs",
    source=LOG_EXPORTS,
)
def test_the_audit_log_export_is_switched_on(aws, create_db, describe_db):
    database = create_db("orders")
    assert database.get("EnabledCloudwatchLogsExports", []) == [], "no log is exported by default"
    # HINT: start exporting the instance's audit log to CloudWatch Logs
    # HINT: (CloudwatchLogsExportConfiguration), now.
    # BEGIN SOLUTION
    aws.rds.modify_db_instance(
        DBInstanceIdentifier=database["DBInstanceIdentifier"],
        CloudwatchLogsExportConfiguration={"EnableLogTypes": ["audit"]},
        ApplyImmediately=True,
    )
    # END SOLUTION
    exported = describe_db(database["DBInstanceIdentifier"])["EnabledCloudwatchLogsExports"]
    assert exported == ["audit"]


@pytest.mark.claim("rds.security-groups", quote="security groups", line=253, source=SECURITY_GROUPS)
def test_an_instance_is_guarded_by_vpc_security_groups(aws, create_db):
    vpc = aws.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]
    [default_group] = aws.ec2.describe_security_groups(
        Filters=[
            {"Name": "vpc-id", "Values": [vpc["VpcId"]]},
            {"Name": "group-name", "Values": ["default"]},
        ]
    )["SecurityGroups"]
    database = create_db("orders")
    # HINT: predict which security group guards an instance created without one: its id.
    # BEGIN SOLUTION
    expected = default_group["GroupId"]
    # END SOLUTION
    assert [group["VpcSecurityGroupId"] for group in database["VpcSecurityGroups"]] == [expected]
