"""Protecting a production stack: from deletion, and from unwanted updates.

Termination protection makes ``DeleteStack`` fail until it is turned off;
turned off, the same delete goes through. A stack policy says which updates
are allowed: once a stack has one, an update of a resource it allows goes
through, and everything it does not explicitly allow is denied. Its actions
are update actions: ``Update:Modify`` (an update in place), ``Update:Replace``
(a new physical resource), ``Update:Delete``, or ``Update:*``.

Notes, "cloudformation > termination protection -- for stack deletes" and
"stack policy -- for stack updates".
"""

import json

import pytest
from botocore.exceptions import ClientError

QUEUE = {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 30}}
TERMINATION_PROTECTION = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-protect-stacks.html"
)
STACK_POLICY = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/protect-stack-resources.html"
)


def visibility(aws, url: str) -> str:
    attributes = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["VisibilityTimeout"])
    return attributes["Attributes"]["VisibilityTimeout"]


@pytest.mark.claim(
    "cloudformation.termination-protection",
    quote="termination protection -- for stack deletes",
    source=TERMINATION_PROTECTION,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores termination protection but deletes the stack anyway; AWS refuses"
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack deletes a stack with termination protection on; AWS refuses"
)
def test_termination_protection_refuses_a_delete(aws, stacks):
    template = {"Resources": {"Queue": QUEUE}}
    # HINT: create `stack` from `template` with termination protection on from the start.
    # BEGIN SOLUTION
    stack = stacks.create(template, EnableTerminationProtection=True)
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.cloudformation.delete_stack(StackName=stack)
    assert refused.value.response["Error"]["Code"] == "ValidationError"
    assert stacks.status(stack) == "CREATE_COMPLETE"
    # Turned off, the same delete goes through.
    aws.cloudformation.update_termination_protection(
        StackName=stack, EnableTerminationProtection=False
    )
    assert stacks.delete(stack) == "DELETE_COMPLETE"


@pytest.mark.claim(
    "cloudformation.stack-policy", quote="must explicitly allow", source=STACK_POLICY
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores a stack policy but never applies it to an update; AWS denies it"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not implement SetStackPolicy (InternalFailure); AWS denies the update",
)
def test_a_stack_policy_denies_what_it_does_not_allow(aws, stacks):
    stack = stacks.create({"Resources": {"Queue": QUEUE, "Other": QUEUE}})
    # HINT: a stack policy that allows every update action (Update:*) on one resource only:
    # "LogicalResourceId/Other". Nothing else is allowed.
    # BEGIN SOLUTION
    policy = {
        "Statement": [
            {
                "Effect": "Allow",
                "Action": "Update:*",
                "Principal": "*",
                "Resource": "LogicalResourceId/Other",
            }
        ]
    }
    aws.cloudformation.set_stack_policy(StackName=stack, StackPolicyBody=json.dumps(policy))
    # END SOLUTION
    changed = {"Type": "AWS::SQS::Queue", "Properties": {"VisibilityTimeout": 60}}
    # What the policy allows goes through: Other changes.
    assert stacks.update(stack, {"Resources": {"Queue": QUEUE, "Other": changed}}) == (
        "UPDATE_COMPLETE"
    )
    assert visibility(aws, stacks.resource(stack, "Other")) == "60"
    # What it does not allow is denied: Queue keeps its 30 s.
    status = stacks.update(stack, {"Resources": {"Queue": changed, "Other": changed}})
    assert status == "UPDATE_ROLLBACK_COMPLETE"
    assert visibility(aws, stacks.resource(stack, "Queue")) == "30"


@pytest.mark.claim(
    "cloudformation.stack-policy-actions",
    quote="define update actions that are allowed during stack updates",
    source=STACK_POLICY,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a stack policy but never applies it: the queue is replaced; AWS denies "
    "the replacement the policy does not allow",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not implement SetStackPolicy (InternalFailure); AWS denies the update",
)
def test_a_stack_policy_allows_updates_in_place_but_no_replacement(aws, stacks, unique_name):
    def queue(name: str, visibility: int) -> dict:
        properties = {"QueueName": name, "VisibilityTimeout": visibility}
        return {"Resources": {"Queue": {"Type": "AWS::SQS::Queue", "Properties": properties}}}

    first_name = unique_name("orders")
    stack = stacks.create(queue(first_name, 30))
    # HINT: the update action (one) that the stack policy allows on every resource ("*"):
    # changes made in place, never a replacement.
    # BEGIN SOLUTION
    allowed_action = "Update:Modify"
    # END SOLUTION
    statement = {"Effect": "Allow", "Action": allowed_action, "Principal": "*", "Resource": "*"}
    policy = json.dumps({"Statement": [statement]})
    aws.cloudformation.set_stack_policy(StackName=stack, StackPolicyBody=policy)
    # A new VisibilityTimeout is set in place: allowed.
    assert stacks.update(stack, queue(first_name, 60)) == "UPDATE_COMPLETE"
    assert visibility(aws, stacks.resource(stack, "Queue")) == "60"
    # A new QueueName needs a new queue (a replacement): denied, the update rolls back.
    assert stacks.update(stack, queue(unique_name("renamed"), 60)) == "UPDATE_ROLLBACK_COMPLETE"
    assert stacks.resource(stack, "Queue").endswith("/" + first_name)
