"""SQS delay queues: a message that stays hidden when it first arrives.

A delay (per queue with DelaySeconds, or per message on a standard queue)
keeps a new message invisible to every consumer until it passes. The
maximum is 15 minutes.

Notes, "aws integration and messaging > sqs > delay queue".
"""

import pytest
from botocore.exceptions import ClientError


@pytest.mark.claim("sqs.delay-up-to-15-minutes", quote="delay a message up to 15 mins")
def test_a_delayed_message_appears_after_its_delay(aws, queue, clock, receive):
    # HINT: send "late" with the longest delay SQS allows.
    # BEGIN SOLUTION
    aws.sqs.send_message(QueueUrl=queue, MessageBody="late", DelaySeconds=900)
    # END SOLUTION
    assert receive(queue) == []
    clock.advance(899)
    assert receive(queue) == []
    clock.advance(2)
    assert receive(queue) == ["late"]


@pytest.mark.claim("sqs.delay-limit", quote="delay a message up to 15 mins")
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a DelaySeconds above 900; AWS refuses it (InvalidParameterValue)",
)
def test_a_delay_above_15_minutes_is_refused(aws, queue):
    # HINT: the first delay, in seconds, that SQS refuses.
    # BEGIN SOLUTION
    too_long = 901
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.sqs.send_message(QueueUrl=queue, MessageBody="never", DelaySeconds=too_long)
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"


@pytest.mark.claim("sqs.delay-queue-level", quote="delay a message up to 15 mins")
def test_a_queue_level_delay_applies_to_every_message(aws, unique_name, clock, receive):
    # HINT: create the queue with a 5-second delay for every message.
    # BEGIN SOLUTION
    url = aws.sqs.create_queue(QueueName=unique_name("delayed"), Attributes={"DelaySeconds": "5"})[
        "QueueUrl"
    ]
    # END SOLUTION
    aws.sqs.send_message(QueueUrl=url, MessageBody="a")
    clock.advance(4)
    assert receive(url) == []
    clock.advance(2)
    assert receive(url) == ["a"]
