"""An update that fails rolls back; a rollback that fails waits for ContinueUpdateRollback.

When an update fails, CloudFormation puts every resource it changed back as
the last working template had it, and the stack ends in
``UPDATE_ROLLBACK_COMPLETE``, ready for the next update. The rollback can fail
too: here the queue's redrive policy must be put back, but someone has deleted
its dead-letter queue by hand, and SQS refuses a redrive policy to a queue that
does not exist. The stack stops in ``UPDATE_ROLLBACK_FAILED``, where it can be
neither updated nor deleted until the rollback goes on: fix the cause by hand,
or name the resources to skip (``ResourcesToSkip``), and call
``ContinueUpdateRollback``.

Notes, "cloudformation > rollbacks".
"""

import pytest

ROLLBACK = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-failure-options.html"
)
CONTINUE_UPDATE_ROLLBACK = "https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ContinueUpdateRollback.html"

# SQS keeps messages 60 s to 14 days: 10 s is refused. DependsOn makes CloudFormation
# update the queue first, so that there is a change to roll back when this one fails.
BAD = {
    "Type": "AWS::SQS::Queue",
    "DependsOn": "Queue",
    "Properties": {"MessageRetentionPeriod": 10},
}


def queue(**properties) -> dict:
    return {"Type": "AWS::SQS::Queue", "Properties": properties}


def attribute(aws, url: str, name: str) -> str | None:
    attributes = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[name])["Attributes"]
    return attributes.get(name)


@pytest.mark.claim("cloudformation.rollback-on-update", quote="update fails", source=ROLLBACK)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates the invalid queue (retention 10 s), applies the whole update and ends "
    "it UPDATE_COMPLETE; AWS fails the queue and rolls the update back",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates the invalid queue (retention 10 s) and ends the update "
    "UPDATE_COMPLETE; AWS rolls it back",
)
def test_a_failed_update_puts_the_stack_back(aws, stacks):
    stack = stacks.create({"Resources": {"Queue": queue(VisibilityTimeout=30)}})
    status = stacks.update(stack, {"Resources": {"Queue": queue(VisibilityTimeout=60), "Bad": BAD}})
    visibility = attribute(aws, stacks.resource(stack, "Queue"), "VisibilityTimeout")
    # HINT: predict the stack's status after this update, and the queue's VisibilityTimeout
    # (a string, as SQS gives it).
    # BEGIN SOLUTION
    expected = ("UPDATE_ROLLBACK_COMPLETE", "30")
    # END SOLUTION
    assert (status, visibility) == expected


@pytest.mark.claim(
    "cloudformation.continue-update-rollback",
    quote="rollback fails: manual fix, then call `ContinueUpdateRollback` api to continue rollback",
    source=CONTINUE_UPDATE_ROLLBACK,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto never rolls an update back (the failing update ends UPDATE_COMPLETE), so no "
    "stack reaches UPDATE_ROLLBACK_FAILED; and ContinueUpdateRollback is not implemented "
    "(HTTP 500). AWS stops in UPDATE_ROLLBACK_FAILED and continues on that call",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack ends the failing update UPDATE_COMPLETE, so no stack reaches "
    "UPDATE_ROLLBACK_FAILED; and ContinueUpdateRollback is not emulated (501 "
    "InternalFailure). AWS stops in UPDATE_ROLLBACK_FAILED and continues on that call",
)
def test_continue_update_rollback_finishes_a_failed_rollback(aws, stacks, unique_name):
    sqs = aws.sqs
    dead_letters = sqs.create_queue(QueueName=unique_name("dead-letters"))["QueueUrl"]
    dead_letters_arn = attribute(aws, dead_letters, "QueueArn")
    redrive = {"deadLetterTargetArn": dead_letters_arn, "maxReceiveCount": 3}
    stack = stacks.create({"Resources": {"Queue": queue(RedrivePolicy=redrive)}})
    sqs.delete_queue(QueueUrl=dead_letters)  # by hand: CloudFormation does not know
    # The update drops the redrive policy, then fails; its rollback cannot put it back.
    status = stacks.update(stack, {"Resources": {"Queue": queue(), "Bad": BAD}})
    assert status == "UPDATE_ROLLBACK_FAILED"
    # HINT: the dead-letter queue cannot come back under its name for 60 s (SQS), so let
    # the rollback go on without the resource it failed on: which one, by logical id?
    # BEGIN SOLUTION
    aws.cloudformation.continue_update_rollback(StackName=stack, ResourcesToSkip=["Queue"])
    # END SOLUTION
    assert stacks.wait(stack) == "UPDATE_ROLLBACK_COMPLETE"
