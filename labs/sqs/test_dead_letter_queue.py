"""SQS dead-letter queues: where messages go after failing too often.

Each receive of a message counts. When a message has been received
``maxReceiveCount`` times without being deleted, SQS moves it to the queue
named in the source queue's redrive policy: the dead-letter queue (DLQ).
Once the bug is fixed, a redrive moves the messages back.

Notes, "aws integration and messaging > sqs > dead letter queue".
"""

import json

import pytest
from botocore.exceptions import ClientError

REDRIVE_DOCS = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
    "API_SetQueueAttributes.html"
)


def queue_arn(aws, url: str) -> str:
    return aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]


@pytest.mark.claim(
    "sqs.dlq-max-receives",
    quote="configure `MaximumReceives`",
    errata="The API attribute is maxReceiveCount, inside the queue's RedrivePolicy; "
    "'Maximum receives' is only the console's label for it.",
    source=REDRIVE_DOCS,
)
def test_a_message_moves_to_the_dlq_after_max_receives(aws, queue, unique_name, clock, receive):
    dlq = aws.sqs.create_queue(QueueName=unique_name("dlq"))["QueueUrl"]
    # HINT: give the source queue a RedrivePolicy (a JSON string) naming the DLQ's ARN,
    # so that a message received 2 times without being deleted moves there.
    # BEGIN SOLUTION
    policy = {"deadLetterTargetArn": queue_arn(aws, dlq), "maxReceiveCount": 2}
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"RedrivePolicy": json.dumps(policy)})
    # END SOLUTION
    # A 2 s visibility timeout instead of the default 30 s: a failed receive comes back
    # sooner, so a backend that cannot move its clock (LocalStack, AWS) waits seconds.
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="poison")
    for _ in range(2):  # the consumer fails twice: it never deletes the message
        assert receive(queue) == ["poison"]
        clock.advance(3)
    assert receive(queue) == []
    assert receive(dlq) == ["poison"]


@pytest.mark.claim(
    "sqs.fifo-dlq-is-fifo",
    quote="fifo queue -- fifo dlq queue",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-dead-letter-queues.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a standard queue as the dead-letter queue of a FIFO queue with "
    'InvalidParameterCombination; AWS answers InvalidParameterValue ("Dead-letter queue must '
    'be same type of queue as the source")',
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a standard queue as the dead-letter queue of a FIFO queue; AWS "
    "refuses it (the DLQ of a FIFO queue must be a FIFO queue)",
)
def test_a_fifo_queue_needs_a_fifo_dlq(aws, fifo_queue, queue, unique_name, queue_attribute):
    def redrive_to(dlq_url: str) -> None:
        policy = {"deadLetterTargetArn": queue_arn(aws, dlq_url), "maxReceiveCount": 3}
        aws.sqs.set_queue_attributes(
            QueueUrl=fifo_queue, Attributes={"RedrivePolicy": json.dumps(policy)}
        )

    with pytest.raises(ClientError) as refused:
        redrive_to(queue)  # a standard queue as the DLQ of a FIFO queue is refused
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"
    # HINT: create a dead-letter queue (url in `dlq`) that this FIFO queue accepts.
    # BEGIN SOLUTION
    dlq = aws.sqs.create_queue(QueueName=unique_name("dlq.fifo"), Attributes={"FifoQueue": "true"})[
        "QueueUrl"
    ]
    # END SOLUTION
    redrive_to(dlq)
    assert queue_arn(aws, dlq) in queue_attribute(fifo_queue, "RedrivePolicy")


@pytest.mark.claim("sqs.dlq-retention-14-days", quote="good to set retention of 14 days in the dlq")
def test_a_dlq_can_keep_messages_for_14_days(aws, unique_name, queue_attribute):
    # HINT: 14 days, in the unit MessageRetentionPeriod takes.
    # BEGIN SOLUTION
    fourteen_days = 14 * 24 * 60 * 60
    # END SOLUTION
    dlq = aws.sqs.create_queue(
        QueueName=unique_name("dlq"), Attributes={"MessageRetentionPeriod": str(fourteen_days)}
    )["QueueUrl"]
    assert queue_attribute(dlq, "MessageRetentionPeriod") == "1209600"


@pytest.mark.claim(
    "sqs.dlq-redrive-to-source",
    quote="when our code is fixed, we can redrive messages from dlq to the source queue",
)
@pytest.mark.emulator_gap(
    "moto", reason="moto does not implement StartMessageMoveTask (the DLQ redrive API)"
)
def test_a_redrive_moves_messages_back_to_the_source(
    aws, queue, unique_name, eventually, receive, queue_attribute
):
    dlq = aws.sqs.create_queue(QueueName=unique_name("dlq"))["QueueUrl"]
    policy = {"deadLetterTargetArn": queue_arn(aws, dlq), "maxReceiveCount": 1}
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"RedrivePolicy": json.dumps(policy)})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="fixed-now")
    # The consumer fails once (VisibilityTimeout=0 gives the message back at once); the
    # next receive moves it to the DLQ. Only a message that came from a source queue this
    # way has a source to go back to: one sent to the DLQ directly has none.
    assert receive(queue, VisibilityTimeout=0) == ["fixed-now"]
    assert receive(queue) == []
    eventually(lambda: queue_attribute(dlq, "ApproximateNumberOfMessages") == "1")
    # HINT: start a message move task from the DLQ; with no destination it goes back to the source.
    # BEGIN SOLUTION
    aws.sqs.start_message_move_task(SourceArn=queue_arn(aws, dlq))
    # END SOLUTION
    assert eventually(lambda: receive(queue)) == ["fixed-now"]


@pytest.mark.claim(
    "sqs.dlq-after-failures",
    quote="a message will be sent to a dlq after being failed to be processed",
    source=REDRIVE_DOCS,
)
def test_only_the_message_that_keeps_failing_reaches_the_dlq(
    aws, queue, unique_name, clock, receive, eventually
):
    dlq = aws.sqs.create_queue(QueueName=unique_name("dlq"))["QueueUrl"]
    policy = {"deadLetterTargetArn": queue_arn(aws, dlq), "maxReceiveCount": 1}
    aws.sqs.set_queue_attributes(
        QueueUrl=queue,
        Attributes={"RedrivePolicy": json.dumps(policy), "VisibilityTimeout": "2"},
    )
    aws.sqs.send_message(QueueUrl=queue, MessageBody="good")
    poison_id = aws.sqs.send_message(QueueUrl=queue, MessageBody="poison")["MessageId"]
    for message in aws.sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]:
        if message["Body"] == "good":  # processed: deleted; "poison" fails and stays
            aws.sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    clock.advance(3)

    def in_the_dlq() -> list[dict]:
        # The receive once "poison" is visible again moves it to the DLQ (LocalStack makes
        # a message visible again in the background, a moment after its timeout ends).
        assert receive(queue) == [], "the source queue gives nothing back any more"
        return aws.sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10).get("Messages", [])

    moved = eventually(in_the_dlq)
    # HINT: predict the bodies in the DLQ, and whether the message kept its MessageId.
    # BEGIN SOLUTION
    expected_bodies, same_id = ["poison"], True
    # END SOLUTION
    assert [message["Body"] for message in moved] == expected_bodies
    assert (moved[0]["MessageId"] == poison_id) is same_id
