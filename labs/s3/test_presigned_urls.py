"""S3 pre-signed URLs: lend your permission to someone without AWS credentials.

A pre-signed URL is an ordinary HTTPS address whose query string carries a
signature made with *your* credentials: whoever holds it can make that one
request (GET this object, PUT to that key) as if they were you, from a
browser or curl, until it expires (X-Amz-Expires seconds after signing, at
most 7 days). The SDK signs locally, without calling AWS. After expiry, or if
anything in the URL is changed, S3 answers 403.

Notes, "s3 security > pre-signed urls" and
"cloudfront > cloudfront signed url vs s3 pre-signed url".
"""

import json

import pytest
import requests
from botocore.config import Config

from harness.testkit.iam import allow, policy_document

PRESIGNED = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-presigned-url.html"


@pytest.fixture
def presigner(aws):
    """The S3 client that signs URLs (Signature Version 4: SigV2 URLs are deprecated)."""
    return aws.s3


@pytest.fixture
def report(aws, bucket) -> str:
    aws.s3.put_object(Bucket=bucket, Key="report.pdf", Body=b"quarterly numbers")
    return "report.pdf"


@pytest.mark.claim("s3.presigned-get", quote="use cli, sdk, console to create pre-signed urls")
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not check permissions (no IAM enforcement in the community edition): "
    "an unsigned GET of a private object is served (200); AWS answers 403",
)
def test_anyone_with_the_url_can_download(bucket, report, presigner, object_url):
    assert requests.get(object_url(bucket, report), timeout=10).status_code == 403, "private"
    # HINT: sign a GET of the report valid for 5 minutes (generate_presigned_url).
    # BEGIN SOLUTION
    url = presigner.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": report}, ExpiresIn=300
    )
    # END SOLUTION
    download = requests.get(url, timeout=10)  # no AWS credentials, no SDK
    assert download.status_code == 200
    assert download.content == b"quarterly numbers"


@pytest.mark.claim("s3.presigned-put", quote="use cli, sdk, console to create pre-signed urls")
def test_anyone_with_the_url_can_upload(aws, bucket, presigner):
    # HINT: sign a PUT of uploads/photo.jpg valid for 5 minutes.
    # BEGIN SOLUTION
    url = presigner.generate_presigned_url(
        "put_object", Params={"Bucket": bucket, "Key": "uploads/photo.jpg"}, ExpiresIn=300
    )
    # END SOLUTION
    assert requests.put(url, data=b"jpeg bytes", timeout=10).status_code == 200
    uploaded = aws.s3.get_object(Bucket=bucket, Key="uploads/photo.jpg")["Body"].read()
    assert uploaded == b"jpeg bytes"


@pytest.fixture
def reader_s3(aws, bucket, report, unique_name):
    """An S3 client acting as a new IAM user who may read ``report`` and nothing else."""
    name = unique_name("reader")
    aws.iam.create_user(UserName=name)
    read_the_report = allow("s3:GetObject", f"arn:aws:s3:::{bucket}/{report}")
    aws.iam.put_user_policy(
        UserName=name,
        PolicyName="read-the-report",
        PolicyDocument=json.dumps(policy_document(read_the_report)),
    )
    key = aws.iam.create_access_key(UserName=name)["AccessKey"]
    return aws.session.client(
        "s3",
        endpoint_url=aws.endpoint_url,
        region_name=aws.region,
        aws_access_key_id=key["AccessKeyId"],
        aws_secret_access_key=key["SecretAccessKey"],
        config=Config(signature_version="s3v4"),
    )


@pytest.mark.claim(
    "s3.presigned-acts-as-signer",
    quote="issue a request as the person who pre-signed the url",
    source=PRESIGNED,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks no permission for a pre-signed URL: one signed by a user who may not "
    "read the object is served; AWS refuses it (403 AccessDenied)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not check permissions (no IAM enforcement in the community edition): "
    "a URL signed by a user who may not read the object is served; AWS answers 403",
)
def test_the_url_acts_with_the_signers_permissions(
    aws, bucket, report, presigner, reader_s3, eventually
):
    aws.s3.put_object(Bucket=bucket, Key="salaries.csv", Body=b"secret")

    def signed_by(client, key: str) -> str:
        params = {"Bucket": bucket, "Key": key}
        return client.generate_presigned_url("get_object", Params=params, ExpiresIn=300)

    def status(url: str) -> int:
        return requests.get(url, timeout=10).status_code  # no AWS credentials: the URL only

    # HINT: `readers_url`: a GET of the report, pre-signed by the reader (reader_s3), who
    # HINT: may read it. (A new access key can take a few seconds to work on AWS.)
    # BEGIN SOLUTION
    readers_url = signed_by(reader_s3, report)
    # END SOLUTION
    assert eventually(lambda: status(readers_url) == 200)
    # The URL lends the signer's permission, no more: the reader may not read the salaries,
    # so neither may a URL the reader signed; signed by the bucket's owner, it works.
    assert status(signed_by(reader_s3, "salaries.csv")) == 403
    assert status(signed_by(presigner, "salaries.csv")) == 200


@pytest.mark.claim(
    "s3.presigned-expiry",
    beyond_notes="A pre-signed URL works until X-Amz-Expires seconds after signing, then S3 "
    "answers 403 AccessDenied.",
    source=PRESIGNED,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto serves a pre-signed URL after its X-Amz-Expires has passed; AWS answers "
    "403 AccessDenied (Request has expired)",
)
def test_an_expired_url_is_refused(bucket, report, presigner, clock):
    # 2 s of validity: the same expiry as 7 days, without a real wait on LocalStack or AWS.
    url = presigner.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": report}, ExpiresIn=2
    )
    assert requests.get(url, timeout=10).status_code == 200
    # HINT: let the URL expire.
    # BEGIN SOLUTION
    clock.advance(3)
    # END SOLUTION
    expired = requests.get(url, timeout=10)
    assert expired.status_code == 403
    assert b"AccessDenied" in expired.content


@pytest.mark.claim(
    "s3.presigned-tamper",
    beyond_notes="A pre-signed URL changed to name another key no longer matches its signature: "
    "S3 answers 403.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not check a pre-signed URL's signature and serves whatever key the URL "
    "names; AWS answers 403 SignatureDoesNotMatch",
)
def test_a_url_changed_to_another_key_is_refused(aws, bucket, report, presigner):
    aws.s3.put_object(Bucket=bucket, Key="salaries.csv", Body=b"secret")
    url = presigner.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": report}, ExpiresIn=300
    )
    tampered = url.replace(f"/{report}?", "/salaries.csv?")
    # HINT: which HTTP status does S3 answer to a signature made for another key?
    # BEGIN SOLUTION
    expected_status = 403
    # END SOLUTION
    assert requests.get(tampered, timeout=10).status_code == expected_status
