"""Consuming SQS messages: poll up to 10, process, delete.

A message stays in the queue until a consumer deletes it with the receipt
handle it got from ReceiveMessage; a single receive returns at most 10.

Notes, "aws integration and messaging > sqs > producing messages / consuming messages".
"""

import pytest
from botocore.exceptions import ClientError


@pytest.mark.claim(
    "sqs.persisted-until-deleted", quote="message is persisted until a consumer deletes it"
)
def test_a_message_stays_until_it_is_deleted(aws, queue, clock, receive):
    # A 2 s visibility timeout instead of the default 30 s: the same mechanism, and a
    # backend that cannot move its clock (LocalStack, AWS) waits seconds, not minutes.
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    message = aws.sqs.receive_message(QueueUrl=queue)["Messages"][0]
    clock.advance(3)
    assert receive(queue) == ["order-1"], "received but not deleted: it comes back"
    clock.advance(3)
    # HINT: delete the message (you need the receipt handle of a receive).
    # BEGIN SOLUTION
    message = aws.sqs.receive_message(QueueUrl=queue)["Messages"][0]
    aws.sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    # END SOLUTION
    clock.advance(3)
    assert receive(queue) == []


@pytest.mark.claim("sqs.receive-up-to-10", quote="poll messages (up to 10)")
def test_one_receive_returns_at_most_10_messages(aws, queue):
    for number in range(15):
        aws.sqs.send_message(QueueUrl=queue, MessageBody=f"m{number}")
    # HINT: ask for as many messages as one ReceiveMessage call allows.
    # BEGIN SOLUTION
    most = 10
    # END SOLUTION
    got = aws.sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=most)["Messages"]
    assert 1 <= len(got) <= 10
    with pytest.raises(ClientError) as refused:
        aws.sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=most + 1)
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"


@pytest.mark.claim(
    "sqs.max-number-of-messages",
    beyond_notes="Without MaxNumberOfMessages, one ReceiveMessage returns at most one message.",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_ReceiveMessage.html",
)
def test_receive_defaults_to_one_message(aws, queue):
    for number in range(3):
        aws.sqs.send_message(QueueUrl=queue, MessageBody=f"m{number}")
    # HINT: how many messages does ReceiveMessage return when MaxNumberOfMessages is not given?
    # BEGIN SOLUTION
    default_count = 1
    # END SOLUTION
    assert len(aws.sqs.receive_message(QueueUrl=queue)["Messages"]) == default_count


@pytest.mark.claim("sqs.purge-queue", quote="PurgeQueue")
def test_purge_deletes_every_message(aws, queue, receive):
    for number in range(5):
        aws.sqs.send_message(QueueUrl=queue, MessageBody=f"m{number}")
    # HINT: empty the queue in one call, without receiving anything.
    # BEGIN SOLUTION
    aws.sqs.purge_queue(QueueUrl=queue)
    # END SOLUTION
    assert receive(queue) == []


@pytest.mark.claim("sqs.send-receive-delete", quote="SendMessage, ReceiveMessage, DeleteMessage")
def test_send_receive_delete_is_a_messages_whole_life(aws, queue, clock, receive):
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    (message,) = aws.sqs.receive_message(QueueUrl=queue)["Messages"]
    # HINT: the third call of a message's life: the consumer is done with `message`.
    # BEGIN SOLUTION
    aws.sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    # END SOLUTION
    clock.advance(3)  # past the visibility timeout
    attributes = aws.sqs.get_queue_attributes(
        QueueUrl=queue,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    assert receive(queue) == []
    assert set(attributes.values()) == {"0"}, "nothing waiting, nothing in flight"
