"""Exporting a log group to S3: a time range, copied by a task, gzipped under a prefix.

CreateExportTask copies the events of a log group stamped between two times
(``fromTime`` and ``to``, milliseconds since the epoch) into an S3 bucket, under
a key prefix of your choice: one gzipped object per stream and chunk
(``<prefix>/<task id>/<stream>/000000.gz``), a line per event, its time then its
message. The task runs in the background (``DescribeExportTasks``: PENDING,
RUNNING, then COMPLETED), one at a time per account. CloudWatch Logs writes
the objects as itself, so the bucket policy must let the service
``logs.<region>.amazonaws.com`` read the bucket's ACL and put objects.

An export is a batch copy, not a stream: events can take up to 12 hours to
become exportable, which is why these labs run on emulators that export at
once. For events as they arrive, use a subscription filter (test_log_subscriptions.py).

Notes, "aws monitoring and troubleshooting and audit > cloudwatch log -- s3 export".
"""

import gzip
import json
import time

import pytest

MINUTE = 60_000  # log event timestamps are in milliseconds


def allow_cloudwatch_logs(aws, bucket: str) -> None:
    """The bucket policy an export needs: CloudWatch Logs may read the ACL and put objects."""
    service = {"Service": f"logs.{aws.region}.amazonaws.com"}
    policy = {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": service,
                "Action": "s3:GetBucketAcl",
                "Resource": f"arn:aws:s3:::{bucket}",
            },
            {
                "Effect": "Allow",
                "Principal": service,
                "Action": "s3:PutObject",
                "Resource": f"arn:aws:s3:::{bucket}/*",
                "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control"}},
            },
        ],
    }
    aws.s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(policy))


@pytest.fixture
def export_bucket(aws, make_bucket) -> str:
    """A new bucket whose policy lets CloudWatch Logs write exports into it."""
    bucket = make_bucket("log-exports")
    allow_cloudwatch_logs(aws, bucket)
    return bucket


def exported_messages(aws, bucket: str, prefix: str) -> dict[str, list[str]]:
    """``{stream: sorted messages}`` from the gzipped objects under ``prefix``."""
    found: dict[str, list[str]] = {}
    listed = aws.s3.list_objects_v2(Bucket=bucket, Prefix=prefix).get("Contents", [])
    for key in (item["Key"] for item in listed if item["Key"].endswith(".gz")):
        data = aws.s3.get_object(Bucket=bucket, Key=key)["Body"].read()
        stream = key.split("/")[-2]  # <prefix>/<task id>/<stream>/000000.gz
        # Each line: "2025-01-31T12:00:00.000Z <message>"; lines are not sorted by time.
        lines = gzip.decompress(data).decode().splitlines()
        found.setdefault(stream, []).extend(line.split(" ", 1)[1] for line in lines)
    return {stream: sorted(messages) for stream, messages in found.items()}


@pytest.mark.claim(
    "cloudwatch.export-to-s3",
    quote="cloudwatch logs can be sent to s3, kds, kdf, lambda, opensearch",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's CreateExportTask does not see buckets in LocalStack's own S3 and "
    "refuses every export (InvalidParameterException: The given bucket does not exist)",
)
def test_an_export_task_copies_a_time_range_to_s3(
    aws, log_stream, put_events, export_bucket, eventually
):
    group, _ = log_stream
    aws.logs.create_log_stream(logGroupName=group, logStreamName="web-2")
    now = int(time.time() * 1000)
    put_events(
        group,
        "web-1",
        (now - 30 * MINUTE, "order 0 placed"),
        (now - 5 * MINUTE, "order 1 placed"),
        (now - 4 * MINUTE, "order 2 placed"),
    )
    put_events(group, "web-2", (now - 3 * MINUTE, "order 3 placed"))
    # HINT: export the events of `group` from the last 10 minutes (until `now`) into
    # `export_bucket`, under the prefix "exports"; keep the task's id in `task_id`.
    # BEGIN SOLUTION
    task_id = aws.logs.create_export_task(
        logGroupName=group,
        fromTime=now - 10 * MINUTE,
        to=now,
        destination=export_bucket,
        destinationPrefix="exports",
    )["taskId"]
    # END SOLUTION

    def finished() -> str | None:
        status = aws.logs.describe_export_tasks(taskId=task_id)["exportTasks"][0]["status"]
        return None if status["code"] in ("PENDING", "RUNNING") else status["code"]

    assert eventually(finished) == "COMPLETED"
    assert exported_messages(aws, export_bucket, "exports/") == {
        "web-1": ["order 1 placed", "order 2 placed"],
        "web-2": ["order 3 placed"],
    }


@pytest.mark.claim(
    "cloudwatch.export-bucket-policy",
    beyond_notes="An export is refused unless the bucket policy lets "
    "logs.<region>.amazonaws.com read the bucket's ACL and put objects.",
    source="https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/S3ExportTasks.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto exports into any bucket, whatever its policy; AWS refuses a bucket whose "
    "policy does not let logs.<region>.amazonaws.com in",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's CreateExportTask does not see buckets in LocalStack's own S3 and "
    "refuses every export, with the policy too",
)
def test_the_bucket_policy_must_let_cloudwatch_logs_in(aws, log_stream, make_bucket, error_code):
    group, _ = log_stream
    bucket = make_bucket("log-exports")
    now = int(time.time() * 1000)

    def export_accepted() -> bool:
        answer = error_code(
            aws.logs.create_export_task,
            logGroupName=group,
            fromTime=now - 10 * MINUTE,
            to=now,
            destination=bucket,
        )
        return answer is None

    without_policy = export_accepted()
    allow_cloudwatch_logs(aws, bucket)
    with_policy = export_accepted()
    # HINT: is the export accepted before the bucket has its policy? After? (True or False)
    # BEGIN SOLUTION
    expected = {"without policy": False, "with policy": True}
    # END SOLUTION
    assert {"without policy": without_policy, "with policy": with_policy} == expected
