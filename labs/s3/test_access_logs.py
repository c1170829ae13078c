"""S3 server access logs: every request to a bucket, written as objects into another.

Server access logging records each request made to a source bucket
(requester, operation, key, status, bytes...) and delivers the records, in
batches and best effort, as objects under a prefix of a *target* bucket. The
target must be a different bucket in the same region and account (logging a
bucket into itself adds a log record per log write, forever), and it must
exist and let the logging service (logging.s3.amazonaws.com) write to it.

Notes, "s3 security > s3 access logs".
"""

import json

import pytest


def allow_log_delivery(aws, target: str, source: str) -> None:
    """A bucket policy on ``target`` letting S3's logging service write ``source``'s logs."""
    account = aws.sts.get_caller_identity()["Account"]
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "S3ServerAccessLogsPolicy",
                "Effect": "Allow",
                "Principal": {"Service": "logging.s3.amazonaws.com"},
                "Action": "s3:PutObject",
                "Resource": f"arn:aws:s3:::{target}/*",
                "Condition": {
                    "ArnLike": {"aws:SourceArn": f"arn:aws:s3:::{source}"},
                    "StringEquals": {"aws:SourceAccount": account},
                },
            }
        ],
    }
    aws.s3.put_bucket_policy(Bucket=target, Policy=json.dumps(policy))


@pytest.mark.claim(
    "s3.access-logs-target", quote="set a target bucket(different) for storing access logs"
)
def test_access_logs_go_to_a_prefix_of_another_bucket(aws, bucket, make_bucket):
    logs = make_bucket("access-logs")
    allow_log_delivery(aws, logs, bucket)
    assert "LoggingEnabled" not in aws.s3.get_bucket_logging(Bucket=bucket), "off by default"
    # HINT: log the bucket's requests into the logs bucket, under the prefix "access/".
    # BEGIN SOLUTION
    aws.s3.put_bucket_logging(
        Bucket=bucket,
        BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": logs, "TargetPrefix": "access/"}},
    )
    # END SOLUTION
    enabled = aws.s3.get_bucket_logging(Bucket=bucket)["LoggingEnabled"]
    assert (enabled["TargetBucket"], enabled["TargetPrefix"]) == (logs, "access/")


@pytest.mark.claim(
    "s3.access-logs-target-exists", quote="set a target bucket(different) for storing access logs"
)
def test_the_target_bucket_must_exist(aws, bucket, unique_name, error_code):
    missing = unique_name("no-such-logs")
    # HINT: what error code does PutBucketLogging answer for a target bucket that does not exist?
    # BEGIN SOLUTION
    expected_error = "InvalidTargetBucketForLogging"
    # END SOLUTION
    answer = error_code(
        aws.s3.put_bucket_logging,
        Bucket=bucket,
        BucketLoggingStatus={"LoggingEnabled": {"TargetBucket": missing, "TargetPrefix": "x/"}},
    )
    assert answer == expected_error
