"""S3 static website hosting: a bucket that anyone on the Internet may read.

A website bucket has an index document and an error document, and is served
on its own website endpoint. Visitors are anonymous, so the bucket must allow
public reads with a bucket policy. That used to be all; since April 2023
every new bucket also has the four S3 Block Public Access settings switched
on. BlockPublicPolicy refuses a public policy outright (AccessDenied), and
RestrictPublicBuckets would keep anonymous visitors out even with one; the two
ACL settings do not touch policies. So a public site first turns off those two.

Notes, "s3 > s3 static website hosting".
"""

import json

import pytest
import requests


def public_read(bucket: str) -> str:
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicRead",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": "s3:GetObject",
                    "Resource": f"arn:aws:s3:::{bucket}/*",
                }
            ],
        }
    )


@pytest.mark.claim(
    "s3.website-configuration",
    beyond_notes="A website bucket's configuration names its index document and error document.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/HostingWebsiteOnS3Setup.html",
)
def test_the_website_configuration_names_index_and_error_documents(aws, bucket, error_code):
    assert error_code(aws.s3.get_bucket_website, Bucket=bucket) == "NoSuchWebsiteConfiguration"
    # HINT: host a website: index document index.html, error document error.html.
    # BEGIN SOLUTION
    aws.s3.put_bucket_website(
        Bucket=bucket,
        WebsiteConfiguration={
            "IndexDocument": {"Suffix": "index.html"},
            "ErrorDocument": {"Key": "error.html"},
        },
    )
    # END SOLUTION
    website = aws.s3.get_bucket_website(Bucket=bucket)
    assert website["IndexDocument"] == {"Suffix": "index.html"}
    assert website["ErrorDocument"] == {"Key": "error.html"}


@pytest.mark.claim(
    "s3.website-block-public-access",
    quote="make sure the bucket policy allows public access",
    errata="A public bucket policy is not enough any more: since April 2023 new buckets have "
    "all four Block Public Access settings on. While BlockPublicPolicy is on, S3 refuses a "
    "public policy (AccessDenied); with it off the policy is taken, and a public site also "
    "turns RestrictPublicBuckets off, which would keep anonymous visitors out.",
    source="https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteAccessPermissionsReqd.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives new buckets no Block Public Access configuration and accepts a public "
    "policy; AWS turns all four settings on for new buckets since April 2023",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack reports Block Public Access on for a new bucket but accepts a public "
    "bucket policy; AWS refuses it (AccessDenied)",
)
def test_a_new_bucket_blocks_public_policies(aws, bucket, error_code):
    settings = aws.s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
    assert settings == {
        "BlockPublicAcls": True,
        "IgnorePublicAcls": True,
        "BlockPublicPolicy": True,
        "RestrictPublicBuckets": True,
    }
    # HINT: what error code does a public-read bucket policy get on a new bucket?
    # BEGIN SOLUTION
    expected_error = "AccessDenied"
    # END SOLUTION
    answer = error_code(aws.s3.put_bucket_policy, Bucket=bucket, Policy=public_read(bucket))
    assert answer == expected_error
    # BlockPublicPolicy is the one that refuses: off alone, the other three still on, the
    # same policy is taken.
    only_policies_allowed = {**settings, "BlockPublicPolicy": False}
    aws.s3.put_public_access_block(
        Bucket=bucket, PublicAccessBlockConfiguration=only_policies_allowed
    )
    assert error_code(aws.s3.put_bucket_policy, Bucket=bucket, Policy=public_read(bucket)) is None


@pytest.mark.claim(
    "s3.website-public-read", quote="make sure the bucket policy allows public access"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not check permissions (no IAM enforcement in the community edition): "
    "an anonymous GET of a private object is served (200); AWS answers 403",
)
def test_a_public_read_policy_lets_anonymous_visitors_in(aws, bucket, object_url):
    aws.s3.put_object(
        Bucket=bucket, Key="index.html", Body=b"<h1>Hello</h1>", ContentType="text/html"
    )
    page = object_url(bucket, "index.html")
    assert requests.get(page, timeout=10).status_code == 403, "private by default"
    # HINT: turn off the two Block Public Access settings that concern bucket policies
    # HINT: (keep the two ACL ones on), then allow everyone s3:GetObject with a bucket
    # HINT: policy (public_read(bucket)).
    # BEGIN SOLUTION
    aws.s3.put_public_access_block(
        Bucket=bucket,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": False,
            "RestrictPublicBuckets": False,
        },
    )
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=public_read(bucket))
    # END SOLUTION
    visit = requests.get(page, timeout=10)  # no credentials: any visitor
    assert visit.status_code == 200
    assert visit.content == b"<h1>Hello</h1>"
    assert aws.s3.get_bucket_policy_status(Bucket=bucket)["PolicyStatus"]["IsPublic"] is True
