"""S3 access points: one bucket, many doors, each with its own name and policy.

Instead of one bucket policy that grows with every team, a bucket can have
access points: named endpoints, each with its own ARN
(arn:aws:s3:<region>:<account>:accesspoint/<name>), its own hostname and an
alias usable wherever a bucket name is, and its own access point policy
saying who may do what through that door. Access points are managed through
the S3 Control API (the s3control client), which addresses an account.

Notes, "s3 security > s3 access points".
"""

import json

import pytest


@pytest.fixture
def account_id(aws) -> str:
    return aws.sts.get_caller_identity()["Account"]


@pytest.fixture
def s3control(aws):
    """The S3 Control client, which manages access points for an account."""
    return aws.client("s3control")


@pytest.mark.claim("s3.access-point-own-address", quote="has its own domain")
def test_an_access_point_has_its_own_arn_and_alias(aws, bucket, s3control, account_id, unique_name):
    name = unique_name("finance")
    # HINT: create an access point with that name on the bucket.
    # BEGIN SOLUTION
    s3control.create_access_point(AccountId=account_id, Name=name, Bucket=bucket)
    # END SOLUTION
    point = s3control.get_access_point(AccountId=account_id, Name=name)
    assert point["Bucket"] == bucket
    assert point["AccessPointArn"] == f"arn:aws:s3:{aws.region}:{account_id}:accesspoint/{name}"
    assert point["Alias"].endswith("-s3alias")
    assert point["NetworkOrigin"] == "Internet"
    listed = s3control.list_access_points(AccountId=account_id, Bucket=bucket)["AccessPointList"]
    assert [p["Name"] for p in listed] == [name]


@pytest.mark.claim("s3.access-point-policy", quote="an access point policy")
def test_an_access_point_has_its_own_policy(aws, bucket, s3control, account_id, unique_name):
    name = unique_name("finance")
    arn = s3control.create_access_point(AccountId=account_id, Name=name, Bucket=bucket)[
        "AccessPointArn"
    ]
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"AWS": f"arn:aws:iam::{account_id}:root"},
                "Action": "s3:GetObject",
                "Resource": f"{arn}/object/finance/*",
            }
        ],
    }
    # HINT: attach this policy to the access point (not to the bucket).
    # BEGIN SOLUTION
    s3control.put_access_point_policy(AccountId=account_id, Name=name, Policy=json.dumps(policy))
    # END SOLUTION
    stored = s3control.get_access_point_policy(AccountId=account_id, Name=name)["Policy"]
    assert json.loads(stored) == policy


@pytest.mark.claim(
    "s3.access-point-alias",
    quote="has its own domain",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-points-alias.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not resolve an access point alias in object requests (NoSuchBucket); "
    "AWS accepts the alias wherever a bucket name is expected",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not route an access point's alias: a GET through it answers "
    "NoSuchBucket",
)
def test_objects_are_read_through_the_access_point_alias(
    aws, bucket, s3control, account_id, unique_name
):
    aws.s3.put_object(Bucket=bucket, Key="q1.csv", Body=b"revenue")
    name = unique_name("finance")
    alias = s3control.create_access_point(AccountId=account_id, Name=name, Bucket=bucket)["Alias"]
    # HINT: GET q1.csv through the access point, using its alias as the Bucket parameter.
    # BEGIN SOLUTION
    through_the_door = aws.s3.get_object(Bucket=alias, Key="q1.csv")["Body"].read()
    # END SOLUTION
    assert through_the_door == b"revenue"


@pytest.mark.claim("s3.access-point-vpc-origin", quote="s3 access points -- vpc origin")
def test_a_vpc_access_point_names_its_network(aws, bucket, s3control, account_id, unique_name):
    name = unique_name("internal")
    # HINT: create an access point with that name on the bucket, reachable only from the
    # HINT: VPC vpc-0a1b2c3d4e5f60718.
    # BEGIN SOLUTION
    s3control.create_access_point(
        AccountId=account_id,
        Name=name,
        Bucket=bucket,
        VpcConfiguration={"VpcId": "vpc-0a1b2c3d4e5f60718"},
    )
    # END SOLUTION
    point = s3control.get_access_point(AccountId=account_id, Name=name)
    assert point["NetworkOrigin"] == "VPC"
    assert point["VpcConfiguration"] == {"VpcId": "vpc-0a1b2c3d4e5f60718"}
