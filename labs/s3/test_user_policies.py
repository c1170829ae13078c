"""User-based security: an IAM policy says what a user may do with S3.

Who may read a bucket is decided by policies on both sides: a *bucket policy*
(resource-based, on the bucket) and the caller's own *IAM policies*
(user-based, on the user, group or role). Within one account either one
allowing the request is enough, unless a Deny somewhere says otherwise. Here
the bucket has no policy at all, so the user's policy alone decides: an
analyst whose policy allows s3:GetObject on the reports reads them, and
nothing else; a newcomer with no policy reads nothing.

The emulator enforces IAM only when asked (the ``enforce_iam`` fixture); the
setup before that call runs with the harness's own, all-powerful credentials.

Notes, "s3 > s3 security".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document


@pytest.fixture
def new_user(aws, unique_name):
    """``new_user("alice", policy=None)`` -> an S3 client acting as a new IAM user."""

    def new_user(stem: str, policy: dict | None = None):
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        if policy:
            document = json.dumps(policy)
            aws.iam.put_user_policy(UserName=name, PolicyName="s3", PolicyDocument=document)
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return aws.session.client(
            "s3",
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return new_user


@pytest.mark.claim("s3.user-based-policy", quote="user-based: iam policies")
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)
def test_an_iam_policy_alone_lets_a_user_read_a_bucket(
    aws, bucket, new_user, enforce_iam, error_code
):
    aws.s3.put_object(Bucket=bucket, Key="reports/q1.csv", Body=b"revenue")
    # HINT: a policy document (policy_document, allow) that allows s3:GetObject on the
    # HINT: objects of `bucket` (their ARN: arn:aws:s3:::<bucket>/*).
    # BEGIN SOLUTION
    reader_policy = policy_document(allow("s3:GetObject", f"arn:aws:s3:::{bucket}/*"))
    # END SOLUTION
    analyst, newcomer = new_user("analyst", reader_policy), new_user("newcomer")
    enforce_iam()
    assert analyst.get_object(Bucket=bucket, Key="reports/q1.csv")["Body"].read() == b"revenue"
    write = {"Bucket": bucket, "Key": "reports/q2.csv", "Body": b"..."}
    assert error_code(analyst.put_object, **write) == "AccessDenied", "only what it allows"
    read = {"Bucket": bucket, "Key": "reports/q1.csv"}
    assert error_code(newcomer.get_object, **read) == "AccessDenied", "no policy, no access"
