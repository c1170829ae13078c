"""Shared fixtures for the CloudTrail labs: a bucket CloudTrail may write to, and a trail."""

from __future__ import annotations

import json

import pytest


def delivery_policy(bucket: str, account: str) -> str:
    """The bucket policy CloudTrail needs before a trail may deliver log files to ``bucket``.

    CloudTrail checks the bucket's ACL (``GetBucketAcl``) and writes objects under
    ``AWSLogs/<account>/`` with the ``bucket-owner-full-control`` ACL.
    """
    service = {"Service": "cloudtrail.amazonaws.com"}
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "AWSCloudTrailAclCheck",
                    "Effect": "Allow",
                    "Principal": service,
                    "Action": "s3:GetBucketAcl",
                    "Resource": f"arn:aws:s3:::{bucket}",
                },
                {
                    "Sid": "AWSCloudTrailWrite",
                    "Effect": "Allow",
                    "Principal": service,
                    "Action": "s3:PutObject",
                    "Resource": f"arn:aws:s3:::{bucket}/AWSLogs/{account}/*",
                    "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
                },
            ],
        }
    )


@pytest.fixture
def account_id(aws) -> str:
    """The account the run's credentials belong to."""
    return aws.sts.get_caller_identity()["Account"]


@pytest.fixture
def allow_cloudtrail(aws, account_id):
    """``allow_cloudtrail(bucket)``: the policy CloudTrail needs, on ``bucket``."""

    def allow_cloudtrail(bucket: str) -> None:
        aws.s3.put_bucket_policy(Bucket=bucket, Policy=delivery_policy(bucket, account_id))

    return allow_cloudtrail


@pytest.fixture
def log_bucket(make_bucket, allow_cloudtrail) -> str:
    """A new bucket whose policy lets CloudTrail deliver log files to it: its name."""
    bucket = make_bucket("trail-logs")
    allow_cloudtrail(bucket)
    return bucket


@pytest.fixture
def trail(aws, unique_name, log_bucket) -> str:
    """A new single-region trail delivering to ``log_bucket``, created with no options: its name."""
    name = unique_name("trail")
    aws.cloudtrail.create_trail(Name=name, S3BucketName=log_bucket)
    return name
