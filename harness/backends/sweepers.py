"""Delete what a test created on a backend that cannot be reset.

On moto one reset call wipes everything. LocalStack community and real AWS
have no such call, so after each test the harness lists, per service, the
resources whose names start with that test's unique prefix (every lab names
its resources through the ``unique_name`` fixture) and deletes them.
A service without a sweeper here keeps its resources: add one below.

Only the services a test called with more than reads (``Get*``, ``List*``,
``Describe*``...) are swept: a resource is made by a call to its own service,
except what a CloudFormation stack or an Elastic Beanstalk environment makes, so
a test that made either has every service swept.
Listing 22 services after each of 900 tests, each with a client made anew, was
most of the LocalStack leg's CPU time.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from typing import Any

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
    for page in client.get_paginator("list_activities").paginate():
        for activity in page.get("activities", []):
            if activity["name"].startswith(prefix):
                client.delete_activity(activityArn=activity["activityArn"])


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


def _ec2(client, prefix: str) -> None:
    named = [{"Name": "tag:Name", "Values": [f"{prefix}*"]}]
    found = client.describe_instances(Filters=named)
    ids = [i["InstanceId"] for r in found["Reservations"] for i in r["Instances"]]
    if ids:
        client.terminate_instances(InstanceIds=ids)
    for acl in client.describe_network_acls(Filters=named)["NetworkAcls"]:
        client.delete_network_acl(NetworkAclId=acl["NetworkAclId"])
    groups = [{"Name": "group-name", "Values": [f"{prefix}*"]}]
    for group in client.describe_security_groups(Filters=groups)["SecurityGroups"]:
        client.delete_security_group(GroupId=group["GroupId"])


def _route53(client, prefix: str) -> None:
    for page in client.get_paginator("list_hosted_zones").paginate():
        for zone in page["HostedZones"]:
            if not zone["Name"].startswith(prefix):
                continue
            found = client.list_resource_record_sets(HostedZoneId=zone["Id"])
            changes = [
                {"Action": "DELETE", "ResourceRecordSet": rrs}
                for rrs in found["ResourceRecordSets"]
                # Route 53's own NS and SOA records go with the zone.
                if not (rrs["Type"] in ("NS", "SOA") and rrs["Name"] == zone["Name"])
            ]
            if changes:  # one batch: an alias and its target go together
                client.change_resource_record_sets(
                    HostedZoneId=zone["Id"], ChangeBatch={"Changes": changes}
                )
            client.delete_hosted_zone(Id=zone["Id"])
    for page in client.get_paginator("list_health_checks").paginate():
        for check in page["HealthChecks"]:
            if check["CallerReference"].startswith(prefix):
                client.delete_health_check(HealthCheckId=check["Id"])


def _iam_users_and_groups(client, prefix: str) -> None:
    for page in client.get_paginator("list_users").paginate():
        for user in page["Users"]:
            name = user["UserName"]
            if not name.startswith(prefix):
                continue
            for key in client.list_access_keys(UserName=name)["AccessKeyMetadata"]:
                client.delete_access_key(UserName=name, AccessKeyId=key["AccessKeyId"])
            for device in client.list_mfa_devices(UserName=name)["MFADevices"]:
                client.deactivate_mfa_device(UserName=name, SerialNumber=device["SerialNumber"])
            for group in client.list_groups_for_user(UserName=name)["Groups"]:
                client.remove_user_from_group(GroupName=group["GroupName"], UserName=name)
            for inline in client.list_user_policies(UserName=name)["PolicyNames"]:
                client.delete_user_policy(UserName=name, PolicyName=inline)
            for policy in client.list_attached_user_policies(UserName=name)["AttachedPolicies"]:
                client.detach_user_policy(UserName=name, PolicyArn=policy["PolicyArn"])
            try:
                client.delete_login_profile(UserName=name)
            except ClientError:
                pass  # most lab users have no console password
            client.delete_user(UserName=name)
    for page in client.get_paginator("list_groups").paginate():
        for group in page["Groups"]:
            name = group["GroupName"]
            if not name.startswith(prefix):
                continue
            for inline in client.list_group_policies(GroupName=name)["PolicyNames"]:
                client.delete_group_policy(GroupName=name, PolicyName=inline)
            for policy in client.list_attached_group_policies(GroupName=name)["AttachedPolicies"]:
                client.detach_group_policy(GroupName=name, PolicyArn=policy["PolicyArn"])
            client.delete_group(GroupName=name)
    for device in client.list_virtual_mfa_devices()["VirtualMFADevices"]:
        if device["SerialNumber"].rsplit("/", 1)[-1].startswith(prefix):
            client.delete_virtual_mfa_device(SerialNumber=device["SerialNumber"])


def _iam(client, prefix: str) -> None:
    _iam_roles(client, prefix)
    _iam_users_and_groups(client, prefix)


def _kms(client, prefix: str) -> None:
    # Keys cannot be listed by name: every lab key is reachable from an alias named
    # alias/<prefix>..., and a key is never deleted at once, only scheduled (7 days).
    for page in client.get_paginator("list_aliases").paginate():
        for alias in page["Aliases"]:
            if not alias["AliasName"].startswith(f"alias/{prefix}"):
                continue
            client.delete_alias(AliasName=alias["AliasName"])
            key = alias.get("TargetKeyId")
            if key and client.describe_key(KeyId=key)["KeyMetadata"]["KeyState"] != (
                "PendingDeletion"
            ):
                client.schedule_key_deletion(KeyId=key, PendingWindowInDays=7)


def _ssm(client, prefix: str) -> None:
    names = [
        parameter["Name"]
        for page in client.get_paginator("describe_parameters").paginate(
            ParameterFilters=[{"Key": "Name", "Option": "BeginsWith", "Values": [f"/{prefix}"]}]
        )
        for parameter in page["Parameters"]
    ]
    for start in range(0, len(names), 10):
        client.delete_parameters(Names=names[start : start + 10])


def _secretsmanager(client, prefix: str) -> None:
    for page in client.get_paginator("list_secrets").paginate(
        Filters=[{"Key": "name", "Values": [prefix]}], IncludePlannedDeletion=True
    ):
        for secret in page["SecretList"]:
            if secret["Name"].startswith(prefix):
                client.delete_secret(SecretId=secret["ARN"], ForceDeleteWithoutRecovery=True)


def _apigateway(client, prefix: str) -> None:
    for page in client.get_paginator("get_usage_plans").paginate():
        for plan in page.get("items", []):
            if plan["name"].startswith(prefix):
                client.delete_usage_plan(usagePlanId=plan["id"])
    for page in client.get_paginator("get_api_keys").paginate(nameQuery=prefix):
        for key in page.get("items", []):
            if key["name"].startswith(prefix):
                client.delete_api_key(apiKey=key["id"])
    for page in client.get_paginator("get_rest_apis").paginate():
        for api in page.get("items", []):
            if api["name"].startswith(prefix):
                client.delete_rest_api(restApiId=api["id"])


def _ecs(client, prefix: str) -> None:
    families = client.list_task_definition_families(familyPrefix=prefix, status="ACTIVE")
    for family in families.get("families", []):
        for page in client.get_paginator("list_task_definitions").paginate(familyPrefix=family):
            for arn in page.get("taskDefinitionArns", []):
                client.deregister_task_definition(taskDefinition=arn)


def _lambda(client, prefix: str) -> None:
    for page in client.get_paginator("list_functions").paginate():
        for function in page.get("Functions", []):
            if function["FunctionName"].startswith(prefix):
                client.delete_function(FunctionName=function["FunctionName"])
    for page in client.get_paginator("list_layers").paginate():
        for layer in page.get("Layers", []):
            if not layer["LayerName"].startswith(prefix):
                continue
            versions = client.list_layer_versions(LayerName=layer["LayerName"])
            for version in versions.get("LayerVersions", []):
                client.delete_layer_version(
                    LayerName=layer["LayerName"], VersionNumber=version["Version"]
                )


def _cognito_user_pools(client, prefix: str) -> None:
    for page in client.get_paginator("list_user_pools").paginate(MaxResults=60):
        for pool in page.get("UserPools", []):
            if pool["Name"].startswith(prefix):
                client.delete_user_pool(UserPoolId=pool["Id"])


def _cognito_identity_pools(client, prefix: str) -> None:
    for page in client.get_paginator("list_identity_pools").paginate(MaxResults=60):
        for pool in page.get("IdentityPools", []):
            if pool["IdentityPoolName"].startswith(prefix):
                client.delete_identity_pool(IdentityPoolId=pool["IdentityPoolId"])


def _xray(client, prefix: str) -> None:
    for page in client.get_paginator("get_sampling_rules").paginate():
        for record in page.get("SamplingRuleRecords", []):
            if record["SamplingRule"]["RuleName"].startswith(prefix):
                client.delete_sampling_rule(RuleName=record["SamplingRule"]["RuleName"])
    for page in client.get_paginator("get_groups").paginate():
        for group in page.get("Groups", []):
            if group["GroupName"].startswith(prefix):
                client.delete_group(GroupARN=group["GroupARN"])


SWEEPERS: dict[str, Callable[[object, str], None]] = {
    "sqs": _sqs,
    "s3": _s3,
    "dynamodb": _dynamodb,
    "sns": _sns,
    "kinesis": _kinesis,
    "events": _events,
    "stepfunctions": _stepfunctions,
    "iam": _iam,
    "cloudformation": _cloudformation,
    "cloudwatch": _cloudwatch,
    "logs": _logs,
    "ec2": _ec2,
    "route53": _route53,
    "apigateway": _apigateway,
    "ecs": _ecs,
    "kms": _kms,
    "ssm": _ssm,
    "secretsmanager": _secretsmanager,
    "lambda": _lambda,
    "cognito-idp": _cognito_user_pools,
    "cognito-identity": _cognito_identity_pools,
    "xray": _xray,
}


#: Services that make resources of other services, named after their own.
MAKE_OTHER_SERVICES_RESOURCES = frozenset({"cloudformation", "elasticbeanstalk"})


def sweep(
    session: boto3.Session,
    endpoint_url: str | None,
    prefix: str,
    unavailable: Callable[[str], object] = lambda service: None,
    called: Collection[str] | None = None,
    clients: dict[str, Any] | None = None,
) -> Iterator[str]:
    """Delete every swept resource named ``prefix*``; yield what could not be deleted.

    ``called``: the services the test called with more than reads (None: unknown,
    so every one).
    A service for which ``unavailable(service)`` is truthy (LocalStack did not
    load it) has nothing to sweep, and is passed over. ``clients`` keeps a
    client per service from one sweep to the next (making one costs ~30 ms).
    """
    clients = {} if clients is None else clients
    every = called is None or not MAKE_OTHER_SERVICES_RESOURCES.isdisjoint(called)
    wanted = set(SWEEPERS) if every else set(called or ())
    for service, sweeper in SWEEPERS.items():
        if service not in wanted or unavailable(service):
            continue
        if service not in clients:
            clients[service] = session.client(service, endpoint_url=endpoint_url)
        try:
            sweeper(clients[service], prefix)
        except (BotoCoreError, ClientError) as error:
            yield f"{service} resources named {prefix}* may remain: {error}"
