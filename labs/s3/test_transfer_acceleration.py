"""S3 Transfer Acceleration: uploads from far away, through the nearest edge location.

A bucket with acceleration enabled also answers at
``<bucket>.s3-accelerate.amazonaws.com``: a client far from the bucket's region
sends its bytes to the nearest CloudFront edge location, which carries them to
the bucket over AWS's own network. It is switched on per bucket (Enabled, or
Suspended to stop), and only for bucket names that are plain DNS labels: a
name with a dot cannot be accelerated, since the accelerate endpoint's TLS
certificate covers one label only.

A photo agency whose photographers upload from every continent.

Notes, "s3 advanced > s3 performance".
"""

import pytest


@pytest.mark.claim(
    "s3.transfer-acceleration",
    quote="s3 transfer acceleration",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/transfer-acceleration.html",
)
def test_acceleration_is_switched_on_per_bucket(aws, bucket, make_bucket, error_code):
    assert "Status" not in aws.s3.get_bucket_accelerate_configuration(Bucket=bucket)
    # HINT: switch transfer acceleration on for `bucket`.
    # BEGIN SOLUTION
    aws.s3.put_bucket_accelerate_configuration(
        Bucket=bucket, AccelerateConfiguration={"Status": "Enabled"}
    )
    # END SOLUTION
    assert aws.s3.get_bucket_accelerate_configuration(Bucket=bucket)["Status"] == "Enabled"
    dotted = make_bucket("photos.agency")
    answer = error_code(
        aws.s3.put_bucket_accelerate_configuration,
        Bucket=dotted,
        AccelerateConfiguration={"Status": "Enabled"},
    )
    assert answer == "InvalidRequest", "a bucket name with a dot cannot be accelerated"
