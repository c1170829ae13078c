"""Reviewing a change before it happens: change sets.

``sam deploy`` (and any careful deployment) does not create or update a
stack directly. It creates a **change set**: CloudFormation compares the new
template with the stack and lists what it would add, modify or remove.
Nothing changes until the change set is executed. A change set of type
``CREATE`` even makes the stack exist, empty, in ``REVIEW_IN_PROGRESS``.

The notes never name change sets; their "package & deploy: sam deploy" uses
them, so the claims here are beyond the notes.
"""

import json

import pytest

CHANGE_SETS = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-cfn-updating-stacks-changesets.html"
QUEUE = {"Type": "AWS::SQS::Queue"}
TOPIC = {"Type": "AWS::SNS::Topic"}


def change_set(aws, name: str, template: dict, change_set_type: str) -> str:
    """Create a change set for stack ``name``; its ARN once CloudFormation has computed it."""
    cloudformation = aws.cloudformation
    arn = cloudformation.create_change_set(
        StackName=name,
        ChangeSetName=f"{change_set_type.lower()}-{name}",
        ChangeSetType=change_set_type,
        TemplateBody=json.dumps(template),
    )["Id"]
    cloudformation.get_waiter("change_set_create_complete").wait(
        ChangeSetName=arn, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    return arn


def changes(aws, arn: str) -> dict[str, str]:
    """``{logical id: action}`` of what the change set would do."""
    described = aws.cloudformation.describe_change_set(ChangeSetName=arn)["Changes"]
    return {
        change["ResourceChange"]["LogicalResourceId"]: change["ResourceChange"]["Action"]
        for change in described
    }


def queues(aws, prefix: str) -> list[str]:
    return aws.sqs.list_queues(QueueNamePrefix=prefix).get("QueueUrls", [])


@pytest.mark.claim(
    "cloudformation.change-set-create",
    beyond_notes="A CREATE change set makes an empty stack in REVIEW_IN_PROGRESS and lists the "
    "resources it would add; nothing is created until it is executed.",
    source=CHANGE_SETS,
)
def test_nothing_is_created_until_the_change_set_is_executed(aws, stacks, unique_name):
    name = unique_name("review")
    arn = change_set(aws, name, {"Resources": {"Queue": QUEUE}}, "CREATE")
    assert changes(aws, arn) == {"Queue": "Add"}
    before = (stacks.status(name), len(queues(aws, name)))
    # HINT: predict `expected_before`: the new stack's status, and how many queues exist
    # under its name, before anything is executed. Then execute the change set.
    # BEGIN SOLUTION
    expected_before = ("REVIEW_IN_PROGRESS", 0)
    aws.cloudformation.execute_change_set(ChangeSetName=arn)
    # END SOLUTION
    assert before == expected_before
    assert stacks.wait(name) == "CREATE_COMPLETE"
    assert len(queues(aws, name)) == 1


@pytest.mark.claim(
    "cloudformation.change-set-update",
    beyond_notes="An UPDATE change set lists only what changes (one resource added); the stack "
    "keeps its resources until the change set is executed, then ends UPDATE_COMPLETE.",
    source=CHANGE_SETS,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto lists the unchanged queue as a Modify in the change set, and its "
    "ExecuteChangeSet of an UPDATE change set leaves the stack's resources as "
    "they were (the added topic is never created) and its status CREATE_COMPLETE; "
    "AWS applies the change and ends in UPDATE_COMPLETE",
)
def test_an_update_waits_for_its_change_set_to_be_executed(aws, stacks):
    name = stacks.create({"Resources": {"Queue": QUEUE}})
    arn = change_set(aws, name, {"Resources": {"Queue": QUEUE, "Alerts": TOPIC}}, "UPDATE")
    assert changes(aws, arn) == {"Alerts": "Add"}

    def logical_ids() -> set[str]:
        resources = aws.cloudformation.describe_stack_resources(StackName=name)["StackResources"]
        return {resource["LogicalResourceId"] for resource in resources}

    before = logical_ids()
    # HINT: predict `expected_before`, the stack's logical ids now (is the topic there
    # yet?); then execute the change set.
    # BEGIN SOLUTION
    expected_before = {"Queue"}
    aws.cloudformation.execute_change_set(ChangeSetName=arn)
    # END SOLUTION
    assert before == expected_before
    assert stacks.wait(name) == "UPDATE_COMPLETE"
    assert logical_ids() == {"Queue", "Alerts"}
