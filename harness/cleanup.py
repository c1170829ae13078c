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


def _kinesis(client, prefix: str) -> None:
    for page in client.get_paginator("list_streams").paginate():
        for name in page.get("StreamNames", []):
            if name.startswith(prefix):
                client.delete_stream(StreamName=name, EnforceConsumerDeletion=True)


def _events(client, prefix: str) -> None:
    buses = ["default"] + [
        bus["Name"]
        for bus in client.list_event_buses(NamePrefix=prefix).get("EventBuses", [])
        if bus["Name"].startswith(prefix)
    ]
    for bus in buses:
        for page in client.get_paginator("list_rules").paginate(EventBusName=bus):
            for rule in page.get("Rules", []):
                if bus == "default" and not rule["Name"].startswith(prefix):
                    continue
                targets = client.list_targets_by_rule(Rule=rule["Name"], EventBusName=bus)
                ids = [target["Id"] for target in targets.get("Targets", [])]
                if ids:
                    client.remove_targets(Rule=rule["Name"], EventBusName=bus, Ids=ids)
                client.delete_rule(Name=rule["Name"], EventBusName=bus)
    for archive in client.list_archives(NamePrefix=prefix).get("Archives", []):
        client.delete_archive(ArchiveName=archive["ArchiveName"])
    for bus in buses[1:]:
        client.delete_event_bus(Name=bus)


def _stepfunctions(client, prefix: str) -> None:
    for page in client.get_paginator("list_state_machines").paginate():
        for machine in page.get("stateMachines", []):
            if machine["name"].startswith(prefix):
                client.delete_state_machine(stateMachineArn=machine["stateMachineArn"])


def _iam_roles(client, prefix: str) -> None:
    for page in client.get_paginator("list_roles").paginate():
        for role in page["Roles"]:
            name = role["RoleName"]
            if not name.startswith(prefix):
                continue
            for policy in client.list_attached_role_policies(RoleName=name)["AttachedPolicies"]:
                client.detach_role_policy(RoleName=name, PolicyArn=policy["PolicyArn"])
            for inline in client.list_role_policies(RoleName=name)["PolicyNames"]:
                client.delete_role_policy(RoleName=name, PolicyName=inline)
            client.delete_role(RoleName=name)


def _cloudformation(client, prefix: str) -> None:
    for page in client.get_paginator("list_stacks").paginate():
        for stack in page.get("StackSummaries", []):
            if stack["StackName"].startswith(prefix) and stack["StackStatus"] != "DELETE_COMPLETE":
                try:  # a lab may have protected it; not every backend implements this call
                    client.update_termination_protection(
                        StackName=stack["StackId"], EnableTerminationProtection=False
                    )
                except ClientError:
                    pass
                client.delete_stack(StackName=stack["StackId"])


def _cloudwatch(client, prefix: str) -> None:
    found = client.describe_alarms(AlarmNamePrefix=prefix)
    composite = [alarm["AlarmName"] for alarm in found.get("CompositeAlarms", [])]
    metric = [alarm["AlarmName"] for alarm in found.get("MetricAlarms", [])]
    for names in (composite, metric):  # a composite alarm first: it holds the others
        if names:
            client.delete_alarms(AlarmNames=names)


def _logs(client, prefix: str) -> None:
    for page in client.get_paginator("describe_log_groups").paginate(logGroupNamePrefix=prefix):
        for group in page.get("logGroups", []):
            client.delete_log_group(logGroupName=group["logGroupName"])


SWEEPERS: dict[str, Callable[[object, str], None]] = {
    "sqs": _sqs,
    "s3": _s3,
    "dynamodb": _dynamodb,
    "sns": _sns,
    "kinesis": _kinesis,
    "events": _events,
    "stepfunctions": _stepfunctions,
    "iam": _iam_roles,
    "cloudformation": _cloudformation,
    "cloudwatch": _cloudwatch,
    "logs": _logs,
}


def sweep(session: boto3.Session, endpoint_url: str | None, prefix: str) -> Iterator[str]:
    """Delete every swept resource named ``prefix*``; yield what could not be deleted."""
    for service, sweeper in SWEEPERS.items():
        try:
            sweeper(session.client(service, endpoint_url=endpoint_url), prefix)
        except (BotoCoreError, ClientError) as error:
            yield f"{service} resources named {prefix}* may remain: {error}"
