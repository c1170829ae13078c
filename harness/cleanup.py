"""Delete what a test created on a backend that cannot be reset.

On moto one reset call wipes everything. LocalStack community and real AWS
have no such call, so after each test the harness lists, per service, the
resources whose names start with that test's unique prefix (every lab names
its resources through the ``unique_name`` fixture) and deletes them.
A service without a sweeper here keeps its resources: add one below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import boto3
from botocore.exceptions import BotoCoreError, ClientError


def _sqs(client, prefix: str) -> None:
    for url in client.list_queues(QueueNamePrefix=prefix).get("QueueUrls", []):
        client.delete_queue(QueueUrl=url)


def _s3(client, prefix: str) -> None:
    for bucket in client.list_buckets().get("Buckets", []):
        name = bucket["Name"]
        if not name.startswith(prefix):
            continue
        for page in client.get_paginator("list_object_versions").paginate(Bucket=name):
            for item in page.get("Versions", []) + page.get("DeleteMarkers", []):
                client.delete_object(Bucket=name, Key=item["Key"], VersionId=item["VersionId"])
        client.delete_bucket(Bucket=name)


def _dynamodb(client, prefix: str) -> None:
    for page in client.get_paginator("list_tables").paginate():
        for name in page.get("TableNames", []):
            if name.startswith(prefix):
                client.delete_table(TableName=name)


def _sns(client, prefix: str) -> None:
    for page in client.get_paginator("list_topics").paginate():
        for topic in page.get("Topics", []):
            if topic["TopicArn"].rsplit(":", 1)[-1].startswith(prefix):
                client.delete_topic(TopicArn=topic["TopicArn"])


SWEEPERS: dict[str, Callable[[object, str], None]] = {
    "sqs": _sqs,
    "s3": _s3,
    "dynamodb": _dynamodb,
    "sns": _sns,
}


def sweep(session: boto3.Session, endpoint_url: str | None, prefix: str) -> Iterator[str]:
    """Delete every swept resource named ``prefix*``; yield what could not be deleted."""
    for service, sweeper in SWEEPERS.items():
        try:
            sweeper(session.client(service, endpoint_url=endpoint_url), prefix)
        except (BotoCoreError, ClientError) as error:
            yield f"{service} resources named {prefix}* may remain: {error}"
