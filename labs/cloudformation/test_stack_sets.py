"""One template, a stack in every region: StackSets.

A **stack set** holds a template; its **stack instances** are the stacks
CloudFormation creates from it, one per target account and region. Every
change to a stack set (adding instances, updating, deleting them) is an
**operation** with an id, which runs in the background: one at a time per
stack set. With *self-managed* permissions you create two IAM roles yourself:
an administration role that CloudFormation assumes in the account that owns
the stack set, and an execution role, in each target account, that the
administration role assumes to create the stacks. A stack set that still has
instances cannot be deleted.

Notes, "cloudformation > stacksets".
"""

import json
from dataclasses import dataclass

import pytest
from botocore.exceptions import ClientError

from harness.testkit.clients import error_code
from harness.testkit.iam import allow, policy_document, trust_policy


@dataclass(frozen=True)
class StackSet:
    name: str
    queue_name: str  # every stack instance makes a queue of this name, in its region


@pytest.fixture
def regions(aws) -> list[str]:
    """Two regions to deploy to: the run's own, and one more."""
    return [aws.region, "us-west-2" if aws.region == "eu-west-1" else "eu-west-1"]


@pytest.fixture
def stack_set(aws, unique_name, eventually, account_id, regions):
    """A self-managed stack set whose template makes one queue; emptied and deleted afterwards."""
    iam = aws.iam
    execution_role = unique_name("stackset-execution")
    administration = iam.create_role(
        RoleName=unique_name("stackset-administration"),
        AssumeRolePolicyDocument=json.dumps(trust_policy("cloudformation.amazonaws.com")),
    )["Role"]
    iam.put_role_policy(
        RoleName=administration["RoleName"],
        PolicyName="assume-the-execution-role",
        PolicyDocument=json.dumps(
            policy_document(allow("sts:AssumeRole", f"arn:aws:iam::*:role/{execution_role}"))
        ),
    )
    iam.create_role(  # trusts the administrator account, where the administration role is
        RoleName=execution_role,
        AssumeRolePolicyDocument=json.dumps(
            trust_policy(principal={"AWS": f"arn:aws:iam::{account_id}:root"})
        ),
    )
    iam.put_role_policy(
        RoleName=execution_role,
        PolicyName="deploy-the-template",
        PolicyDocument=json.dumps(policy_document(allow(["cloudformation:*", "sqs:*"]))),
    )
    stack_set = StackSet(unique_name("queues"), unique_name("orders"))
    template = {
        "Resources": {
            "Queue": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": stack_set.queue_name}}
        }
    }
    cloudformation = aws.cloudformation
    cloudformation.create_stack_set(
        StackSetName=stack_set.name,
        TemplateBody=json.dumps(template),
        PermissionModel="SELF_MANAGED",
        AdministrationRoleARN=administration["Arn"],
        ExecutionRoleName=execution_role,
    )
    yield stack_set
    # The harness sweeps one region, by name: a stack set and its stacks in other regions
    # are ours to remove (already gone when the test emptied and deleted it).
    try:
        operation_id = cloudformation.delete_stack_instances(
            StackSetName=stack_set.name, Accounts=[account_id], Regions=regions, RetainStacks=False
        )["OperationId"]
        finished(aws, eventually, stack_set, operation_id)
    except ClientError:
        pass
    try:
        cloudformation.delete_stack_set(StackSetName=stack_set.name)
    except ClientError:
        pass


def finished(aws, eventually, stack_set: StackSet, operation_id: str) -> tuple[str, str]:
    """``(action, status)`` of a stack set operation, once it has stopped running."""

    def settled() -> tuple[str, str] | None:
        operation = aws.cloudformation.describe_stack_set_operation(
            StackSetName=stack_set.name, OperationId=operation_id
        )["StackSetOperation"]
        if operation["Status"] in ("QUEUED", "RUNNING", "STOPPING"):
            return None
        return operation["Action"], operation["Status"]

    # An operation deploys a stack in each region in turn: on AWS, minutes.
    return eventually(settled, timeout=min(4 * eventually.timeout, 120.0))


def deploy(aws, eventually, stack_set: StackSet, account_id: str, regions: list[str]) -> str:
    """Create the stack set's instances and wait for the operation; its id."""
    operation_id = aws.cloudformation.create_stack_instances(
        StackSetName=stack_set.name, Accounts=[account_id], Regions=regions
    )["OperationId"]
    assert finished(aws, eventually, stack_set, operation_id) == ("CREATE", "SUCCEEDED")
    return operation_id


def queue_exists(aws, region: str, queue_name: str) -> bool:
    sqs = aws.session.client("sqs", endpoint_url=aws.endpoint_url, region_name=region)
    return error_code(sqs.get_queue_url, QueueName=queue_name) is None


@pytest.mark.claim(
    "cloudformation.stack-set-regions",
    quote="create, update, delete stacks across multi accounts and regions",
)
def test_a_stack_set_creates_a_stack_in_each_region(
    aws, eventually, stack_set, account_id, regions
):
    # HINT: deploy the stack set (stack_set.name) to this account (account_id) in both
    # `regions`: one call. Keep the id of the operation it starts in `operation_id`.
    # BEGIN SOLUTION
    operation_id = aws.cloudformation.create_stack_instances(
        StackSetName=stack_set.name, Accounts=[account_id], Regions=regions
    )["OperationId"]
    # END SOLUTION
    assert finished(aws, eventually, stack_set, operation_id) == ("CREATE", "SUCCEEDED")
    assert [queue_exists(aws, region, stack_set.queue_name) for region in regions] == [True, True]


@pytest.mark.claim(
    "cloudformation.stack-set-instances",
    quote="create, update, delete stacks across multi accounts and regions",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's ListStackInstances answers that a stack set it has just created (and "
    "deployed) does not exist, and ListStackSetOperations is not emulated; AWS lists both",
)
def test_instances_and_operations_are_listed(aws, eventually, stack_set, account_id, regions):
    operation_id = deploy(aws, eventually, stack_set, account_id, regions)
    cloudformation = aws.cloudformation
    # HINT: list the stack set's instances as a set of (account, region) pairs, and its
    # operations as a list of (operation id, action, status).
    # BEGIN SOLUTION
    listed = cloudformation.list_stack_instances(StackSetName=stack_set.name)["Summaries"]
    instances = {(instance["Account"], instance["Region"]) for instance in listed}
    listed = cloudformation.list_stack_set_operations(StackSetName=stack_set.name)["Summaries"]
    operations = [(op["OperationId"], op["Action"], op["Status"]) for op in listed]
    # END SOLUTION
    assert instances == {(account_id, region) for region in regions}
    assert operations == [(operation_id, "CREATE", "SUCCEEDED")]


@pytest.mark.claim(
    "cloudformation.stack-set-not-empty",
    quote="create, update, delete stacks across multi accounts and regions",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's DeleteStackSet deletes the stack set and its stack instances; AWS "
    "refuses it while instances remain (StackSetNotEmptyException)",
)
def test_a_stack_set_with_instances_cannot_be_deleted(
    aws, eventually, stack_set, account_id, regions
):
    deploy(aws, eventually, stack_set, account_id, regions)
    cloudformation = aws.cloudformation
    with pytest.raises(ClientError) as refused:
        cloudformation.delete_stack_set(StackSetName=stack_set.name)
    assert refused.value.response["Error"]["Code"] == "StackSetNotEmptyException"
    # HINT: empty the stack set first: delete its instances in both regions, with their
    # stacks (RetainStacks=False), and wait for that operation to finish (`finished`).
    # BEGIN SOLUTION
    operation_id = cloudformation.delete_stack_instances(
        StackSetName=stack_set.name, Accounts=[account_id], Regions=regions, RetainStacks=False
    )["OperationId"]
    assert finished(aws, eventually, stack_set, operation_id) == ("DELETE", "SUCCEEDED")
    # END SOLUTION
    cloudformation.delete_stack_set(StackSetName=stack_set.name)
    assert [queue_exists(aws, region, stack_set.queue_name) for region in regions] == [False, False]
