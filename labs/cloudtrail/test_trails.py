"""A trail: the account's events kept in S3, from one region or from all of them.

The event history keeps 90 days. A *trail* delivers the events as log files to
an S3 bucket, for as long as the bucket keeps them. CloudTrail refuses a bucket
whose policy does not let ``cloudtrail.amazonaws.com`` write to it. A trail is
single-region unless made multi-region: then it records every region's events,
and every other region shows it (a *shadow trail*) with its home region.

Notes, "aws monitoring and troubleshooting and audit > aws cloudtrail".
"""

from __future__ import annotations

import pytest

CREATE_TRAIL = "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_CreateTrail.html"
BUCKET_POLICY = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html"


@pytest.mark.claim(
    "cloudtrail.all-regions-or-one",
    quote="a trail can be applied to all regions or a single region",
)
def test_a_multi_region_trail_shows_in_every_region(aws, unique_name, log_bucket):
    single = aws.cloudtrail.create_trail(Name=unique_name("here"), S3BucketName=log_bucket)
    assert single["IsMultiRegionTrail"] is False, "a trail is single-region unless asked"
    # HINT: create a second trail, named unique_name("everywhere"), that records every region.
    # BEGIN SOLUTION
    aws.cloudtrail.create_trail(
        Name=unique_name("everywhere"), S3BucketName=log_bucket, IsMultiRegionTrail=True
    )
    # END SOLUTION
    other_region = "eu-west-1" if aws.region != "eu-west-1" else "us-west-2"
    elsewhere = aws.session.client(
        "cloudtrail", endpoint_url=aws.endpoint_url, region_name=other_region
    )
    seen = {t["Name"]: t for t in elsewhere.describe_trails()["trailList"]}
    assert unique_name("here") not in seen
    shadow = seen[unique_name("everywhere")]
    assert (shadow["IsMultiRegionTrail"], shadow["HomeRegion"]) == (True, aws.region)


@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a trail whatever the bucket's policy; AWS refuses a bucket whose policy "
    "does not let CloudTrail write (InsufficientS3BucketPolicyException)",
)
@pytest.mark.claim(
    "cloudtrail.s3-delivery-needs-bucket-policy",
    quote="or choose to send them to s3 bucket",
    source=BUCKET_POLICY,
)
def test_a_trail_needs_a_bucket_cloudtrail_may_write_to(
    aws, unique_name, make_bucket, allow_cloudtrail, error_code
):
    bare = make_bucket("no-policy")
    refused = error_code(aws.cloudtrail.create_trail, Name=unique_name("bare"), S3BucketName=bare)
    assert refused == "InsufficientS3BucketPolicyException"
    # HINT: give the bucket the policy CloudTrail needs (the allow_cloudtrail fixture).
    # BEGIN SOLUTION
    allow_cloudtrail(bare)
    # END SOLUTION
    trail = aws.cloudtrail.create_trail(Name=unique_name("bare"), S3BucketName=bare)
    assert trail["S3BucketName"] == bare
