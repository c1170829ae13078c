"""Roles and STS: a CI job borrows the deploy role for an hour.

The CI system has its own IAM user, but deploying is the job of a *role*:
whoever the role's trust policy names may call ``sts:AssumeRole`` and gets
temporary credentials (an access key starting ``ASIA``, a secret and a
session token) that expire, one hour later by default. GetCallerIdentity
tells each caller who AWS thinks it is: the user, then the assumed role.
A user the trust policy does not name is refused, even with a policy that
allows ``sts:AssumeRole``; and a role that does not exist cannot be assumed.

Notes, "aws iam" (iam roles for services) and "aws cli sdk and iam roles and
policies" (credentials best practices).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.exceptions import ClientError

ASSUME_ROLE = "https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html"

# Verified on LocalStack 2026.3 (host mode): none of these calls is refused there.
IAM_NOT_ENFORCED = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)


@pytest.fixture
def may_assume(policy) -> str:
    """An identity policy that allows calling sts:AssumeRole (on any role)."""
    return policy.document(policy.allow("sts:AssumeRole"))


@pytest.fixture
def deploy_role(aws, unique_name, policy):
    """``deploy_role(trusted_arn)`` -> the ARN of a role only ``trusted_arn`` may assume."""

    def deploy_role(trusted_arn: str) -> str:
        trust = policy.document(
            {"Effect": "Allow", "Principal": {"AWS": trusted_arn}, "Action": "sts:AssumeRole"}
        )
        role = aws.iam.create_role(RoleName=unique_name("deploy"), AssumeRolePolicyDocument=trust)
        return role["Role"]["Arn"]

    return deploy_role


@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's AssumeRole returns an access key ID that does not start with ASIA; "
    "AWS marks temporary keys with ASIA",
)
@pytest.mark.claim(
    "iam.assume-role-temporary-credentials", quote="if working with aws, use iam roles"
)
def test_assume_role_gives_credentials_that_expire(aws, new_user, deploy_role, may_assume):
    ci = new_user("ci", may_assume)
    role_arn = deploy_role(ci.arn)
    sts = ci.client("sts")
    assert sts.get_caller_identity()["Arn"] == ci.arn
    # HINT: as the CI user, assume the role (any RoleSessionName, e.g. "build-42");
    # HINT: keep the answer's Credentials in `credentials`. Then: how long do they last?
    # BEGIN SOLUTION
    credentials = sts.assume_role(RoleArn=role_arn, RoleSessionName="build-42")["Credentials"]
    default_lifetime = timedelta(hours=1)
    # END SOLUTION
    assert credentials["AccessKeyId"].startswith("ASIA"), "temporary keys start with ASIA"
    assert credentials["SessionToken"]
    lifetime = credentials["Expiration"] - datetime.now(UTC)
    assert abs(lifetime - default_lifetime) < timedelta(minutes=1)
    as_role = boto3.client(
        "sts",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
    )
    role_name = role_arn.rsplit("/", 1)[1]
    assert as_role.get_caller_identity()["Arn"].endswith(f":assumed-role/{role_name}/build-42")


@IAM_NOT_ENFORCED
@pytest.mark.claim("iam.trust-policy", quote="iam roles for services")
def test_only_whom_the_trust_policy_names_may_assume_the_role(
    new_user, deploy_role, enforce_iam, may_assume
):
    ci = new_user("ci", may_assume)
    intruder = new_user("intruder", may_assume)  # the same permissions as the CI user
    # HINT: create the deploy role so that only the CI user may assume it (deploy_role fixture).
    # BEGIN SOLUTION
    role_arn = deploy_role(ci.arn)
    # END SOLUTION
    enforce_iam()
    ci.client("sts").assume_role(RoleArn=role_arn, RoleSessionName="build-42")
    with pytest.raises(ClientError) as refused:
        intruder.client("sts").assume_role(RoleArn=role_arn, RoleSessionName="sneaky")
    assert refused.value.response["Error"]["Code"] == "AccessDenied"


@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator's AssumeRole returns credentials for a role that does not exist; "
    "AWS answers AccessDenied",
)
@pytest.mark.claim(
    "iam.assume-missing-role",
    beyond_notes="AssumeRole on a role ARN that does not exist is refused with AccessDenied.",
    source=ASSUME_ROLE,
)
def test_a_role_that_does_not_exist_cannot_be_assumed(aws):
    missing = "arn:aws:iam::123456789012:role/no-such-role"
    # HINT: which error code does STS answer for AssumeRole on a role that does not exist?
    # BEGIN SOLUTION
    expected_error = "AccessDenied"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.sts.assume_role(RoleArn=missing, RoleSessionName="build-42")
    assert refused.value.response["Error"]["Code"] == expected_error
