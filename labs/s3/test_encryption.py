"""S3 object encryption: who holds the key, and how a response shows it.

S3 encrypts objects at rest in one of three server-side ways, each visible in
the x-amz-server-side-encryption response header:

- SSE-S3 ("AES256"): S3 owns and manages the key. Since January 2023 every
  new object gets at least this, even when the request asks for nothing.
- SSE-KMS ("aws:kms"): a KMS key you choose (and audit in CloudTrail); the
  key's ARN comes back in x-amz-server-side-encryption-aws-kms-key-id.
- SSE-C: you send your own 256-bit key with the request; S3 encrypts, keeps
  only a salted hash, and must be given the same key to read the object back.
  Since April 2026, new buckets refuse SSE-C uploads unless you unblock it.

A bucket's *default encryption* decides what a PUT without any header gets.

Notes, "s3 security > object encryption" and "s3 security > default encryption vs bucket policies".
"""

import os

import pytest

DEFAULT_ENCRYPTION = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html"


@pytest.fixture
def kms_key_arn(aws) -> str:
    return aws.kms.create_key(Description="s3 lab key")["KeyMetadata"]["Arn"]


def encryption_headers(response: dict) -> dict:
    """The x-amz-server-side-encryption* headers of a response."""
    raw = response["ResponseMetadata"]["HTTPHeaders"]
    return {name: value for name, value in raw.items() if name.startswith("x-amz-server-side")}


@pytest.mark.claim("s3.sse-s3-header", quote='header: "x-amz-server-side-encryption": "AES256"')
def test_sse_s3_shows_aes256(aws, bucket):
    # HINT: upload b"salary data" as hr/salaries.csv, asking for SSE-S3 encryption.
    # BEGIN SOLUTION
    aws.s3.put_object(
        Bucket=bucket, Key="hr/salaries.csv", Body=b"salary data", ServerSideEncryption="AES256"
    )
    # END SOLUTION
    head = aws.s3.head_object(Bucket=bucket, Key="hr/salaries.csv")
    assert encryption_headers(head)["x-amz-server-side-encryption"] == "AES256"


@pytest.mark.claim("s3.sse-kms-header", quote='header: "x-amz-server-side-encryption": "aws:kms"')
def test_sse_kms_shows_aws_kms_and_the_key(aws, bucket, kms_key_arn):
    # HINT: upload b"card data" as pci/cards.csv, encrypted with SSE-KMS under kms_key_arn.
    # BEGIN SOLUTION
    aws.s3.put_object(
        Bucket=bucket,
        Key="pci/cards.csv",
        Body=b"card data",
        ServerSideEncryption="aws:kms",
        SSEKMSKeyId=kms_key_arn,
    )
    # END SOLUTION
    head = encryption_headers(aws.s3.head_object(Bucket=bucket, Key="pci/cards.csv"))
    assert head["x-amz-server-side-encryption"] == "aws:kms"
    assert head["x-amz-server-side-encryption-aws-kms-key-id"] == kms_key_arn


@pytest.mark.claim(
    "s3.default-encryption-applies",
    beyond_notes="A bucket's default encryption applies to a PUT that asks for none; a PUT "
    "that names its encryption keeps it.",
    source=DEFAULT_ENCRYPTION,
)
def test_bucket_default_encryption_applies_to_a_put_without_header(aws, bucket, kms_key_arn):
    # HINT: make SSE-KMS with kms_key_arn the bucket's default encryption.
    # BEGIN SOLUTION
    aws.s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {
                        "SSEAlgorithm": "aws:kms",
                        "KMSMasterKeyID": kms_key_arn,
                    }
                }
            ]
        },
    )
    # END SOLUTION
    put = aws.s3.put_object(Bucket=bucket, Key="no-header.txt", Body=b"...")
    assert put["ServerSideEncryption"] == "aws:kms"
    assert put["SSEKMSKeyId"] == kms_key_arn
    # The default only fills a gap: a PUT that asks for SSE-S3 gets SSE-S3.
    asked = aws.s3.put_object(
        Bucket=bucket, Key="asked.txt", Body=b"...", ServerSideEncryption="AES256"
    )
    assert asked["ServerSideEncryption"] == "AES256"


@pytest.mark.claim(
    "s3.sse-s3-by-default",
    beyond_notes="Since January 2023 a new bucket's default encryption is SSE-S3, so every new "
    "object is encrypted even when the PUT asks for nothing.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an object sent without encryption headers unencrypted and has no "
    "default encryption configuration; AWS applies SSE-S3 to every new object since 2023",
)
def test_new_objects_get_sse_s3_when_nothing_is_asked(aws, bucket):
    aws.s3.put_object(Bucket=bucket, Key="plain.txt", Body=b"...")
    # HINT: which encryption does a new bucket apply to a PUT that asks for none?
    # BEGIN SOLUTION
    expected_algorithm = "AES256"
    # END SOLUTION
    assert aws.s3.head_object(Bucket=bucket, Key="plain.txt")["ServerSideEncryption"] == (
        expected_algorithm
    )
    (rule,) = aws.s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"][
        "Rules"
    ]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == expected_algorithm


@pytest.mark.claim(
    "s3.sse-c-blocked-by-default",
    beyond_notes="Since April 2026 S3 blocks SSE-C on every new general purpose bucket: an "
    "upload with SSE-C headers is refused (403 AccessDenied) until the bucket's default "
    "encryption configuration unblocks it.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/blocking-unblocking-s3-c-encryption-gpb.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts SSE-C uploads on any bucket and ignores BlockedEncryptionTypes; "
    "AWS blocks SSE-C on new buckets since April 2026 (403 AccessDenied)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts SSE-C uploads on a new bucket; AWS blocks SSE-C on new buckets "
    "since April 2026 (AccessDenied)",
)
def test_a_new_bucket_refuses_sse_c_uploads(aws, bucket, error_code):
    customer_key = os.urandom(32)
    # HINT: what error code does a new bucket answer to a PUT carrying an SSE-C key?
    # BEGIN SOLUTION
    expected_error = "AccessDenied"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_object,
        Bucket=bucket,
        Key="secret.bin",
        Body=b"...",
        SSECustomerAlgorithm="AES256",
        SSECustomerKey=customer_key,
    )
    assert answer == expected_error


@pytest.mark.claim(
    "s3.sse-c-key-every-request",
    quote="the key must be provided every request",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores SSE-C objects in clear and serves them without the key; AWS refuses "
    "a GET without the key (InvalidRequest) and with a wrong one (AccessDenied)",
)
def test_an_sse_c_object_needs_its_key_on_every_read(aws, bucket, error_code):
    # SSE-C has to be unblocked on a new bucket first (see the test above).
    aws.s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                    "BlockedEncryptionTypes": {"EncryptionType": ["NONE"]},
                }
            ]
        },
    )
    customer_key = os.urandom(32)
    sse_c = {"SSECustomerAlgorithm": "AES256", "SSECustomerKey": customer_key}
    aws.s3.put_object(Bucket=bucket, Key="secret.bin", Body=b"top secret", **sse_c)
    # HINT: what error code does a GET of secret.bin answer when it carries no key?
    # BEGIN SOLUTION
    without_the_key = "InvalidRequest"
    # END SOLUTION
    assert error_code(aws.s3.get_object, Bucket=bucket, Key="secret.bin") == without_the_key
    wrong = {**sse_c, "SSECustomerKey": os.urandom(32)}
    assert error_code(aws.s3.get_object, Bucket=bucket, Key="secret.bin", **wrong) == "AccessDenied"
    read = aws.s3.get_object(Bucket=bucket, Key="secret.bin", **sse_c)
    assert read["Body"].read() == b"top secret"
    assert read["SSECustomerAlgorithm"] == "AES256"


@pytest.mark.claim(
    "s3.sse-kms-key-decides-reads",
    quote="sse-kms: use aws kms to manage the key",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto serves an SSE-KMS object whose KMS key is disabled; AWS asks KMS to decrypt "
    "on every GET and refuses it (KMS.DisabledException)",
)
def test_a_disabled_kms_key_locks_its_objects(aws, bucket, kms_key_arn, error_code):
    aws.s3.put_object(
        Bucket=bucket,
        Key="pci/cards.csv",
        Body=b"card data",
        ServerSideEncryption="aws:kms",
        SSEKMSKeyId=kms_key_arn,
    )
    # HINT: lock every object under kms_key_arn without touching S3: act on the key in KMS.
    # BEGIN SOLUTION
    aws.kms.disable_key(KeyId=kms_key_arn)
    # END SOLUTION
    read = {"Bucket": bucket, "Key": "pci/cards.csv"}
    assert error_code(aws.s3.get_object, **read) == "KMS.DisabledException"
    aws.kms.enable_key(KeyId=kms_key_arn)
    assert aws.s3.get_object(**read)["Body"].read() == b"card data"


@pytest.mark.claim(
    "s3.sse-c-https-only",
    quote="https is a must",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerSideEncryptionCustomerKeys.html",
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="the emulator answers on plain HTTP and takes an SSE-C upload there; AWS refuses "
    "SSE-C over HTTP (InvalidRequest: it must be made over a secure connection)",
)
def test_an_sse_c_upload_over_plain_http_is_refused(aws, bucket, error_code):
    aws.s3.put_bucket_encryption(  # SSE-C unblocked, as in the test above
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [
                {
                    "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                    "BlockedEncryptionTypes": {"EncryptionType": ["NONE"]},
                }
            ]
        },
    )
    plain_http = aws.session.client(
        "s3", endpoint_url=aws.endpoint_url, region_name=aws.region, use_ssl=False
    )
    upload = {
        "Bucket": bucket,
        "Key": "secret.bin",
        "Body": b"top secret",
        "SSECustomerAlgorithm": "AES256",
        "SSECustomerKey": os.urandom(32),
    }
    # HINT: the error code of the SSE-C upload sent over plain HTTP.
    # BEGIN SOLUTION
    expected = "InvalidRequest"
    # END SOLUTION
    assert error_code(plain_http.put_object, **upload) == expected
    aws.s3.put_object(**upload)  # the same upload over HTTPS is taken
