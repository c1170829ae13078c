"""Bucket policies that enforce encryption: in transit (HTTPS) and at rest.

A bucket policy is evaluated on every request, before S3 does anything else.
Two classic Deny statements: refuse any request that did not come over TLS
(the condition key aws:SecureTransport is "false"), and refuse any PutObject
that carries no x-amz-server-side-encryption header. Because the policy is
evaluated first, the second one refuses a header-less PUT even in a bucket
whose default encryption would have encrypted it anyway.

Notes, "s3 security > encryption in transit" and
"s3 security > default encryption vs bucket policies".
"""

import json

import pytest


def deny(bucket: str, sid: str, action: str, condition: dict) -> dict:
    """A one-statement policy denying ``action`` on the bucket's objects under ``condition``."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": sid,
                "Effect": "Deny",
                "Principal": "*",
                "Action": action,
                "Resource": f"arn:aws:s3:::{bucket}/*",
                "Condition": condition,
            }
        ],
    }


@pytest.fixture
def plain_http_s3(aws):
    """An S3 client that talks plain HTTP, never TLS (the emulator's endpoint is HTTP already)."""
    return aws.session.client(
        "s3", endpoint_url=aws.endpoint_url, region_name=aws.region, use_ssl=False
    )


MOTO_CONDITIONS = (
    "moto applies a bucket policy's Deny statements without their Condition block, so a "
    "conditional Deny refuses every request; AWS refuses only the requests matching it"
)
LOCALSTACK_POLICIES = (
    "LocalStack stores a bucket policy but does not evaluate it (no IAM enforcement in the "
    "community edition): the denied request is served (200)"
)
SECURE_TRANSPORT = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html"
)
REQUIRE_ENCRYPTION = (
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingServerSideEncryption.html"
)
DEFAULT_ENCRYPTION = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html"


@pytest.mark.claim(
    "s3.policy-secure-transport",
    quote="bucket policy condition: `aws:SecureTransport:`",
    source=SECURE_TRANSPORT,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto applies a bucket policy's Deny without its Condition block (and its endpoint "
    "speaks plain HTTP only), so the GET over TLS is refused too; AWS serves it",
)
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_POLICIES)
def test_a_policy_refuses_requests_without_tls(aws, bucket, plain_http_s3, status_code):
    aws.s3.put_object(Bucket=bucket, Key="a.txt", Body=b"...")
    assert status_code(plain_http_s3.get_object, Bucket=bucket, Key="a.txt") == 200
    # HINT: put a bucket policy denying s3:* on the bucket's objects when aws:SecureTransport
    # HINT: is "false" (use deny(bucket, sid, action, condition)).
    # BEGIN SOLUTION
    policy = deny(
        bucket, "DenyInsecureTransport", "s3:*", {"Bool": {"aws:SecureTransport": "false"}}
    )
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    # END SOLUTION
    assert status_code(plain_http_s3.get_object, Bucket=bucket, Key="a.txt") == 403
    # The Deny holds only where its condition does: the same GET over TLS is served.
    assert status_code(aws.s3.get_object, Bucket=bucket, Key="a.txt") == 200


@pytest.mark.claim(
    "s3.policy-deny-unencrypted",
    beyond_notes="A bucket policy can refuse every PutObject that does not ask for "
    "server-side encryption, and still take those that do.",
    source=REQUIRE_ENCRYPTION,
)
@pytest.mark.emulator_gap("moto", reason=MOTO_CONDITIONS)
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_POLICIES)
def test_a_policy_refuses_puts_without_an_encryption_header(aws, bucket, status_code):
    # HINT: deny s3:PutObject when the s3:x-amz-server-side-encryption key is absent
    # HINT: (the "Null" condition operator).
    # BEGIN SOLUTION
    policy = deny(
        bucket,
        "DenyUnencryptedPuts",
        "s3:PutObject",
        {"Null": {"s3:x-amz-server-side-encryption": "true"}},
    )
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))
    # END SOLUTION
    assert status_code(aws.s3.put_object, Bucket=bucket, Key="plain.txt", Body=b"...") == 403
    encrypted = {"Key": "sealed.txt", "Body": b"...", "ServerSideEncryption": "AES256"}
    assert status_code(aws.s3.put_object, Bucket=bucket, **encrypted) == 200


@pytest.mark.claim(
    "s3.policy-before-default-encryption",
    quote="bucket policies are evaluated before default encryption",
    source=DEFAULT_ENCRYPTION,
)
@pytest.mark.emulator_gap("moto", reason=MOTO_CONDITIONS)
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_POLICIES)
def test_the_policy_is_evaluated_before_default_encryption(aws, bucket, status_code):
    aws.s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]
        },
    )
    # Without a policy, default encryption encrypts a header-less PUT.
    aws.s3.put_object(Bucket=bucket, Key="before.txt", Body=b"...")
    assert aws.s3.head_object(Bucket=bucket, Key="before.txt")["ServerSideEncryption"] == "AES256"
    no_header = deny(
        bucket,
        "DenyUnencryptedPuts",
        "s3:PutObject",
        {"Null": {"s3:x-amz-server-side-encryption": "true"}},
    )
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(no_header))
    # HINT: default encryption would encrypt a header-less PUT; which HTTP status does it get?
    # BEGIN SOLUTION
    expected_status = 403
    # END SOLUTION
    put = aws.s3.put_object
    assert status_code(put, Bucket=bucket, Key="a.txt", Body=b"...") == expected_status
    # The policy refuses only what its condition matches: a PUT that asks for SSE is stored.
    asked = {"Key": "b.txt", "Body": b"...", "ServerSideEncryption": "AES256"}
    assert status_code(put, Bucket=bucket, **asked) == 200


@pytest.mark.claim("s3.bucket-policy-deny", quote="bucket policies", line=421)
@pytest.mark.emulator_gap("localstack", reason=LOCALSTACK_POLICIES)
def test_a_bucket_policy_refuses_what_it_denies_and_only_that(aws, bucket, status_code):
    aws.s3.put_object(Bucket=bucket, Key="audit/2024.log", Body=b"...")
    # HINT: a bucket policy whose one statement denies s3:DeleteObject on every object of
    # HINT: the bucket (arn:aws:s3:::<bucket>/*) to everyone (Principal "*").
    # BEGIN SOLUTION
    keep_audit_logs = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "KeepAuditLogs",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:DeleteObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
            }
        ],
    }
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(keep_audit_logs))
    # END SOLUTION
    assert status_code(aws.s3.delete_object, Bucket=bucket, Key="audit/2024.log") == 403
    assert status_code(aws.s3.get_object, Bucket=bucket, Key="audit/2024.log") == 200
