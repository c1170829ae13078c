"""A queue's settings have limits, and SQS itself refuses what lies past them.

The team tunes its queues: a queue-level long poll of at most 20 seconds
(``ReceiveMessageWaitTimeSeconds``), a visibility timeout of at most 12 hours,
a dead-letter queue of the same type as its source (a standard queue's DLQ is
a standard queue), and at most 10 message attributes on a message. Each
limit is shown from both sides: the largest value works, the next is refused
with AWS's error code.

Notes, "aws integration and messaging > sqs > must know api" and "> dead letter queue".
"""

import json

import pytest

SET_QUEUE_ATTRIBUTES = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
    "API_SetQueueAttributes.html"
)


@pytest.mark.claim(
    "sqs.receive-wait-time-attribute",
    quote="ReceiveMessageWaitTimeSeconds: long polling",
    source=SET_QUEUE_ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a ReceiveMessageWaitTimeSeconds of 21; AWS takes 0 to 20 and refuses "
    "21 (InvalidAttributeValue)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a ReceiveMessageWaitTimeSeconds of 21; AWS refuses it "
    "(InvalidAttributeValue)",
)
def test_a_queue_level_long_poll_waits_at_most_20_seconds(aws, queue, error_code):
    def refusal(seconds: int) -> str | None:
        attributes = {"ReceiveMessageWaitTimeSeconds": str(seconds)}
        return error_code(aws.sqs.set_queue_attributes, QueueUrl=queue, Attributes=attributes)

    # HINT: what does SetQueueAttributes answer each wait? {seconds: None, or the error code}
    # BEGIN SOLUTION
    expected = {0: None, 20: None, 21: "InvalidAttributeValue"}
    # END SOLUTION
    assert {seconds: refusal(seconds) for seconds in expected} == expected


@pytest.mark.claim(
    "sqs.visibility-timeout-maximum",
    quote="ChangeMessageVisibility",
    line=985,
    source=SET_QUEUE_ATTRIBUTES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a VisibilityTimeout of 43,201 s; AWS takes 0 to 43,200 (12 hours) "
    "and refuses more (InvalidAttributeValue)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a visibility timeout over 12 hours; AWS refuses it "
    "(InvalidAttributeValue)",
)
def test_a_visibility_timeout_is_at_most_12_hours(aws, queue, error_code):
    def refusal(seconds: int) -> str | None:
        attributes = {"VisibilityTimeout": str(seconds)}
        return error_code(aws.sqs.set_queue_attributes, QueueUrl=queue, Attributes=attributes)

    # HINT: the longest visibility timeout SQS accepts, in seconds.
    # BEGIN SOLUTION
    longest = 12 * 60 * 60
    # END SOLUTION
    assert refusal(longest) is None
    assert refusal(longest + 1) == "InvalidAttributeValue"


@pytest.mark.claim(
    "sqs.standard-dlq-is-standard",
    quote="standard queue -- standard dlq queue",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
    "sqs-dead-letter-queues.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a FIFO queue as the dead-letter queue of a standard queue; AWS "
    "refuses it (InvalidParameterValue: the DLQ must be of the source queue's type)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a FIFO queue as a standard queue's dead-letter queue; AWS refuses"
    " it (InvalidParameterValue)",
)
def test_a_standard_queue_needs_a_standard_dlq(aws, queue, fifo_queue, unique_name, error_code):
    standard_dlq = aws.sqs.create_queue(QueueName=unique_name("dlq"))["QueueUrl"]

    def redrive_to(dlq: str) -> str | None:
        arn = aws.sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])
        policy = {"deadLetterTargetArn": arn["Attributes"]["QueueArn"], "maxReceiveCount": 3}
        attributes = {"RedrivePolicy": json.dumps(policy)}
        return error_code(aws.sqs.set_queue_attributes, QueueUrl=queue, Attributes=attributes)

    # HINT: what does SQS answer each DLQ for the standard queue? (None, or the error code)
    # BEGIN SOLUTION
    expected = {"standard": None, "fifo": "InvalidParameterValue"}
    # END SOLUTION
    assert {"standard": redrive_to(standard_dlq), "fifo": redrive_to(fifo_queue)} == expected


@pytest.mark.claim(
    "sqs.message-attributes-limit",
    beyond_notes="A message carries at most 10 message attributes: 10 are accepted, 11 "
    "refused by SQS (InvalidParameterValue).",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
    "sqs-message-metadata.html",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts 11 message attributes; AWS refuses more than 10"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a message with 11 attributes; AWS refuses it "
    "(InvalidParameterValue)",
)
def test_a_message_carries_at_most_10_attributes(aws, queue, error_code):
    def refusal(count: int) -> str | None:
        attributes = {
            f"attribute-{n}": {"DataType": "String", "StringValue": "x"} for n in range(count)
        }
        send = aws.sqs.send_message
        return error_code(send, QueueUrl=queue, MessageBody="order", MessageAttributes=attributes)

    # HINT: the most message attributes one message may carry.
    # BEGIN SOLUTION
    most = 10
    # END SOLUTION
    assert refusal(most) is None
    assert refusal(most + 1) == "InvalidParameterValue"


@pytest.mark.claim(
    "sqs.max-number-of-messages-range",
    quote="MaxNumberOfMessages (up to 10, for receiving messages api)",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a MaxNumberOfMessages of 0; AWS takes 1 to 10 "
    "(InvalidParameterValue)",
)
def test_max_number_of_messages_runs_from_1_to_10(aws, queue, error_code):
    def refusal(count: int) -> str | None:
        receive = aws.unvalidated("sqs").receive_message
        return error_code(receive, QueueUrl=queue, MaxNumberOfMessages=count, WaitTimeSeconds=0)

    # HINT: what does ReceiveMessage answer each MaxNumberOfMessages? (None, or the error code)
    # BEGIN SOLUTION
    expected = {0: "InvalidParameterValue", 1: None, 10: None, 11: "InvalidParameterValue"}
    # END SOLUTION
    assert {count: refusal(count) for count in expected} == expected
