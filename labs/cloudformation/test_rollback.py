"""A stack that cannot create one resource rolls back all the others.

Stack creation is all or nothing: when one resource fails, CloudFormation
deletes what it had already created and the stack ends in
``ROLLBACK_COMPLETE`` (a stack to delete, not to update).

Notes, "cloudformation > rollbacks".
"""

import pytest

ROLLBACK = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stack-failure-options.html"
)


@pytest.mark.claim("cloudformation.rollback-on-create", quote="creation fails", source=ROLLBACK)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates the stack around an invalid queue (retention 10 s) and never rolls "
    "back; AWS fails the queue and rolls the stack back",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates the stack around an invalid queue (retention 10 s) and "
    "never rolls back; AWS rolls the stack back",
)
def test_a_failed_resource_rolls_back_the_whole_stack(aws, stacks):
    template = {
        "Resources": {
            "Good": {"Type": "AWS::SQS::Queue"},
            # SQS keeps messages 60 s to 14 days: 10 s is refused.
            "Bad": {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 10}},
        }
    }
    stack = stacks.create(template, stem="rollback")
    # HINT: predict the final status of the stack, and how many of its queues remain.
    # BEGIN SOLUTION
    expected = ("ROLLBACK_COMPLETE", 0)
    # END SOLUTION
    remaining = aws.sqs.list_queues(QueueNamePrefix=stack).get("QueueUrls", [])
    assert (stacks.status(stack), len(remaining)) == expected
