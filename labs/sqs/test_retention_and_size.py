"""SQS limits: how long a queue keeps a message, and how big one may be.

A message that nobody deletes is dropped when the queue's retention period
ends: 4 days by default, settable from 1 minute to 14 days. A message body
(with its attributes) may be up to 1 MiB; bigger payloads go to S3, with
only a pointer in the message (the SQS Extended Client does this for you).

Notes, "aws integration and messaging > sqs > standard queue / extended client".
"""

import pytest
from botocore.exceptions import ClientError

API_DOCS = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
    "API_SetQueueAttributes.html"
)
ONE_MIB_ERRATA = (
    "Since August 2025 a message may be up to 1 MiB (1,048,576 bytes), and a new queue's "
    "MaximumMessageSize defaults to 1 MiB; 256 KiB was the old limit."
)


@pytest.mark.claim(
    "sqs.retention-default",
    quote="retention: 4 - 14 days",
    errata="4 days is the default, not the minimum: MessageRetentionPeriod takes 60 s "
    "(1 minute) to 1,209,600 s (14 days), default 345,600 s (4 days).",
    source=API_DOCS,
)
def test_retention_defaults_to_4_days_and_can_be_1_minute(aws, queue, unique_name, queue_attribute):
    # HINT: a new queue's MessageRetentionPeriod, in seconds (SQS returns strings).
    # BEGIN SOLUTION
    default_retention = str(4 * 24 * 60 * 60)
    # END SOLUTION
    assert queue_attribute(queue, "MessageRetentionPeriod") == default_retention
    short = aws.sqs.create_queue(
        QueueName=unique_name("short"), Attributes={"MessageRetentionPeriod": "60"}
    )["QueueUrl"]
    assert queue_attribute(short, "MessageRetentionPeriod") == "60"


@pytest.mark.claim(
    "sqs.retention-maximum",
    quote="retention: 4 - 14 days",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any MessageRetentionPeriod; AWS refuses values above 14 days"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a MessageRetentionPeriod above 14 days (1,209,600 s); AWS refuses "
    "it",
)
def test_retention_above_14_days_is_refused(aws, unique_name, queue_attribute):
    # HINT: the first MessageRetentionPeriod, in seconds, that SQS refuses.
    # BEGIN SOLUTION
    too_long = 14 * 24 * 60 * 60 + 1
    # END SOLUTION
    longest = aws.sqs.create_queue(
        QueueName=unique_name("longest"), Attributes={"MessageRetentionPeriod": str(too_long - 1)}
    )["QueueUrl"]
    assert queue_attribute(longest, "MessageRetentionPeriod") == str(too_long - 1)
    with pytest.raises(ClientError) as refused:
        aws.sqs.create_queue(
            QueueName=unique_name("forever"), Attributes={"MessageRetentionPeriod": str(too_long)}
        )
    assert refused.value.response["Error"]["Code"] == "InvalidAttributeValue"


@pytest.mark.claim("sqs.retention-drops-messages", quote="retention: 4 - 14 days")
def test_an_unread_message_is_dropped_when_retention_ends(aws, queue, clock, receive):
    aws.sqs.send_message(QueueUrl=queue, MessageBody="forgotten")
    clock.advance(4 * 24 * 60 * 60 - 60)
    # VisibilityTimeout=0: look at the message without hiding it.
    assert receive(queue, VisibilityTimeout=0) == ["forgotten"], "still there before 4 days"
    # HINT: let the rest of the default retention period pass.
    # BEGIN SOLUTION
    clock.advance(120)
    # END SOLUTION
    assert receive(queue, VisibilityTimeout=0) == []


def send_body_of(aws, url: str, size: int) -> None:
    aws.sqs.send_message(QueueUrl=url, MessageBody="x" * size)


@pytest.mark.claim(
    "sqs.max-message-size",
    quote="256kb max size of each message",
    errata=ONE_MIB_ERRATA,
    source=API_DOCS,
)
def test_a_message_may_be_up_to_1_mib(aws, queue, receive):
    # HINT: the largest body, in bytes, that SQS accepts on a new queue.
    # BEGIN SOLUTION
    largest = 1024 * 1024
    # END SOLUTION
    send_body_of(aws, queue, largest)
    assert [len(body) for body in receive(queue)] == [largest]
    with pytest.raises(ClientError) as refused:
        send_body_of(aws, queue, largest + 1)
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"


@pytest.mark.claim(
    "sqs.max-message-size-attribute",
    quote="max size of each message is 256kb",
    errata=ONE_MIB_ERRATA,
    source=API_DOCS,
)
def test_a_queue_can_lower_its_maximum_message_size(aws, queue, queue_attribute):
    assert queue_attribute(queue, "MaximumMessageSize") == str(1024 * 1024)
    # HINT: make this queue refuse bodies above 256 KiB, as queues did before 2025.
    # BEGIN SOLUTION
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"MaximumMessageSize": str(256 * 1024)})
    # END SOLUTION
    send_body_of(aws, queue, 256 * 1024)
    with pytest.raises(ClientError) as refused:
        send_body_of(aws, queue, 256 * 1024 + 1)
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"
