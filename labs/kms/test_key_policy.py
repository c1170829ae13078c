"""Key policies: who may use a key is decided by the key first, IAM second.

Every KMS key has exactly one *key policy* (named ``default``), a resource-based
policy that is the primary control over the key. A key created through the API
without a policy gets a one-statement default: it allows ``kms:*`` to the
account itself (``arn:aws:iam::<account>:root``). That statement does not open
the key to everyone in the account: it *delegates* to IAM, so that an IAM
policy of a user or role can grant use of the key.

Take that statement out and IAM policies stop counting. The payments team
locks a key down to its key administrator (``PutKeyPolicy``): the application
user, whose IAM policy allows ``kms:Encrypt`` on every key, may still use a key
with the default policy, and is refused (``AccessDeniedException``) on the
locked one. Unlike most AWS resources, a KMS key is not reachable by IAM alone.

Beyond the notes: their "security and encryption" heading is empty.
"""

from __future__ import annotations

import json

import boto3
import pytest

KEY_POLICIES = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html"
DEFAULT_KEY_POLICY = "https://docs.aws.amazon.com/kms/latest/developerguide/key-policy-default.html"


def key_policy(aws, key: str) -> dict:
    return json.loads(aws.kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"])


@pytest.fixture
def app_kms(aws, unique_name):
    """A KMS client for the application's IAM user, whose IAM policy allows kms:Encrypt
    and kms:Decrypt on every key."""
    name = unique_name("app")
    aws.iam.create_user(UserName=name)
    aws.iam.put_user_policy(
        UserName=name,
        PolicyName="use-any-key",
        PolicyDocument=json.dumps(
            {
                "Version": "2012-10-17",
                "Statement": [
                    {
                        "Effect": "Allow",
                        "Action": ["kms:Encrypt", "kms:Decrypt"],
                        "Resource": "*",
                    }
                ],
            }
        ),
    )
    key = aws.iam.create_access_key(UserName=name)["AccessKey"]
    return boto3.client(
        "kms",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
    )


@pytest.mark.claim(
    "kms.default-key-policy",
    beyond_notes="A key created without a policy gets the default key policy: kms:* for the "
    "account root, which delegates to IAM.",
    source=DEFAULT_KEY_POLICY,
)
def test_a_new_key_trusts_the_account_and_so_iam(aws, key_id):
    account = aws.sts.get_caller_identity()["Account"]
    # HINT: read key_id's key policy (a key has one, named "default") into `policy`, a dict.
    # BEGIN SOLUTION
    policy = json.loads(aws.kms.get_key_policy(KeyId=key_id, PolicyName="default")["Policy"])
    # END SOLUTION
    [statement] = policy["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Principal"] == {"AWS": f"arn:aws:iam::{account}:root"}
    assert (statement["Action"], statement["Resource"]) == ("kms:*", "*")


@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores a key policy that does not allow the caller (it only honours an "
    "explicit Deny, and only for DescribeKey): measured, a user whose IAM policy allows "
    "kms:Encrypt encrypts with a key whose policy names only the administrator; AWS answers "
    "AccessDeniedException",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition enforces neither IAM policies nor key policies: the "
    "user encrypts with the locked key; AWS answers AccessDeniedException",
)
@pytest.mark.claim(
    "kms.key-policy-primary",
    beyond_notes="Without the account-root statement in a key policy, an IAM policy allowing "
    "kms:Encrypt is not enough (AccessDeniedException).",
    source=KEY_POLICIES,
)
def test_without_the_account_statement_iam_policies_do_not_count(
    aws, key_id, unique_name, app_kms, enforce_iam, error_code
):
    administrator = aws.sts.get_caller_identity()["Arn"]  # an IAM user or role on AWS
    locked = aws.kms.create_key(Description=unique_name("locked"))["KeyMetadata"]["KeyId"]
    aws.kms.create_alias(AliasName=f"alias/{unique_name('locked')}", TargetKeyId=locked)
    # HINT: replace the key policy of `locked` with one that allows every KMS action (kms:*)
    # HINT: to `administrator` only: no statement for the account root.
    # BEGIN SOLUTION
    only_the_administrator = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "Key administrator only",
                "Effect": "Allow",
                "Principal": {"AWS": administrator},
                "Action": "kms:*",
                "Resource": "*",
            }
        ],
    }
    aws.kms.put_key_policy(
        KeyId=locked, PolicyName="default", Policy=json.dumps(only_the_administrator)
    )
    # END SOLUTION
    principals = [statement["Principal"] for statement in key_policy(aws, locked)["Statement"]]
    assert principals == [{"AWS": administrator}]
    enforce_iam()
    # The default key policy delegates to IAM, and the user's IAM policy allows Encrypt.
    assert error_code(app_kms.encrypt, KeyId=key_id, Plaintext=b"invoice 7") is None
    # The locked key's policy does not: the same IAM policy is not enough.
    assert error_code(app_kms.encrypt, KeyId=locked, Plaintext=b"invoice 7") == (
        "AccessDeniedException"
    )
