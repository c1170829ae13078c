"""Signed requests: the SDK signs every call with the secret key, and AWS checks it.

The order service's code never handles a signature: it calls
``sts.get_caller_identity`` (or any other API), and boto3 signs the HTTP
request for it with Signature Version 4. The ``Authorization`` header names the algorithm
(``AWS4-HMAC-SHA256``), the access key ID with the date, Region and service
it signs for, the headers it covers, and the signature: an HMAC made with
the secret key, which itself never leaves the machine. AWS recomputes the
signature with its copy of the secret; a request signed with any other
secret is refused before any policy is looked at.

The lab catches the request boto3 sends (a botocore event hook), then makes
the same call signed with a wrong secret.

Notes, "aws cli sdk and iam roles and policies > sign aws api requests".
"""

from __future__ import annotations

import boto3
import pytest

SIGV4 = "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv.html"


@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not check signatures (ENFORCE_IAM is a Pro "
    "feature), so a request signed with a wrong secret is served; AWS refuses it",
)
@pytest.mark.claim(
    "iam.sdk-signs-requests",
    quote="if use sdk or cli, the requests are signed for us",
    source=SIGV4,
)
def test_the_sdk_signs_and_aws_checks_the_signature(aws, new_user, enforce_iam, error_code):
    producer = new_user("producer")
    enforce_iam()
    sts = producer.client("sts")
    sent_headers: list[dict] = []
    sts.meta.events.register(
        "before-send.sts.GetCallerIdentity",
        lambda request, **_: sent_headers.append(request.headers),
    )
    caller = sts.get_caller_identity()  # no signing code: boto3 signed it
    assert caller["Arn"] == producer.arn, "AWS checked the signature, and knows who signed"
    authorization = sent_headers[0]["Authorization"].decode()
    # HINT: the first word of the Authorization header boto3 sent (the signing algorithm),
    # HINT: and the error code AWS answers for the same call signed with a wrong secret.
    # BEGIN SOLUTION
    algorithm, wrong_secret_error = "AWS4-HMAC-SHA256", "SignatureDoesNotMatch"
    # END SOLUTION
    assert authorization.split()[0] == algorithm
    assert f"Credential={producer.access_key_id}/" in authorization
    assert "Signature=" in authorization and producer.secret_access_key not in authorization
    forger = boto3.client(
        "sts",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=producer.access_key_id,
        aws_secret_access_key="not-the-secret",
    )
    assert error_code(forger.get_caller_identity) == wrong_secret_error
