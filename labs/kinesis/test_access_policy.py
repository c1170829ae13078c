"""Who may write to a stream: IAM policies.

The checkout service writes click events; the reporting job only reads.
Kinesis has no stream-level passwords: each identity's IAM policy says which
actions (``kinesis:PutRecord``, ``kinesis:GetRecords``...) it may call on
which stream ARNs, and anything not allowed is refused (HTTP 403).

Notes, "aws integration and messaging > aws kinesis > kinesis data streams > security".
"""

import json

import boto3
import pytest
from botocore.exceptions import ClientError


@pytest.fixture
def identity(aws, unique_name):
    """``identity("writer", policy_document or None)``: a Kinesis client of a new IAM user."""

    def identity(stem: str, policy: dict | None):
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        if policy:
            aws.iam.put_user_policy(
                UserName=name, PolicyName="kinesis", PolicyDocument=json.dumps(policy)
            )
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return boto3.client(
            "kinesis",
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return identity


def refused(kinesis, stream: str) -> bool:
    """True when Kinesis answers PutRecord with 403 Forbidden (access denied)."""
    try:
        kinesis.put_record(StreamName=stream, Data=b"click", PartitionKey="user-1")
    except ClientError as error:
        return error.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    return False


@pytest.mark.claim(
    "kinesis.iam-policy",
    quote="using iam policy",
    source="https://docs.aws.amazon.com/streams/latest/dev/controlling-access.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies, so every call is "
    "allowed; AWS refuses PutRecord to an identity no policy allows it",
)
def test_only_an_identity_allowed_to_put_records_can(stream, identity, enforce_iam):
    # HINT: a policy document that allows kinesis:PutRecord on any stream (Resource "*").
    # BEGIN SOLUTION
    policy = {
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "kinesis:PutRecord", "Resource": "*"}],
    }
    # END SOLUTION
    writer = identity("checkout", policy)
    reader = identity("reporting", None)
    enforce_iam()
    assert not refused(writer, stream)
    assert refused(reader, stream)
