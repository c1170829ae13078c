"""A message's life: delivered at least once, deleted by its receipt handle, counted.

A worker receives an order and crashes before deleting it. SQS does not
lose it: when the visibility timeout ends the order is delivered again, and
the message says how often it has been received (``ApproximateReceiveCount``).
That is "at least once": a consumer must cope with seeing a message twice.
Deleting takes the *receipt handle* of a receive, not the message ID; a
handle SQS never gave out is refused. The queue counts what waits in it
(``ApproximateNumberOfMessages``) apart from what is in flight
(``ApproximateNumberOfMessagesNotVisible``); the CloudWatch metric that
scaling alarms watch is ``ApproximateNumberOfMessagesVisible``.

Notes, "aws integration and messaging > sqs > standard queue", "> consuming
messages" and "> with asg".
"""

import hashlib

import pytest


def receive_one(aws, url: str) -> dict:
    (message,) = aws.sqs.receive_message(
        QueueUrl=url, MessageSystemAttributeNames=["ApproximateReceiveCount"]
    )["Messages"]
    return message


@pytest.mark.claim("sqs.at-least-once", quote="best-effort, at least once delivery")
def test_an_undeleted_message_is_delivered_again(aws, queue, clock):
    # 2 s instead of the default 30 s: a backend that cannot move its clock waits seconds.
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    first = receive_one(aws, queue)  # the worker crashes: no DeleteMessage
    clock.advance(3)
    second = receive_one(aws, queue)
    # HINT: predict what the second receive says: is it the same message (True or False),
    # and its ApproximateReceiveCount (SQS returns a string)?
    # BEGIN SOLUTION
    same_message, receive_count = True, "2"
    # END SOLUTION
    assert (second["MessageId"] == first["MessageId"]) is same_message
    assert second["Attributes"]["ApproximateReceiveCount"] == receive_count


@pytest.mark.claim(
    "sqs.delete-with-receipt-handle", quote="delete message using deleteMessage api call"
)
def test_delete_takes_the_receipt_handle_of_a_receive(aws, queue, clock, receive, error_code):
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    message = receive_one(aws, queue)
    delete = aws.sqs.delete_message
    assert error_code(delete, QueueUrl=queue, ReceiptHandle="made-up") == "ReceiptHandleIsInvalid"
    # HINT: delete the message you received.
    # BEGIN SOLUTION
    aws.sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])
    # END SOLUTION
    clock.advance(3)  # past the visibility timeout: a message not deleted would be back
    assert receive(queue) == []


@pytest.mark.claim(
    "sqs.approximate-number-of-messages",
    quote="scaling based on an alarm set on the cloudwatch metric: ApproximateNumberOfMessages",
    errata="ApproximateNumberOfMessages is the queue attribute (GetQueueAttributes); the "
    "CloudWatch metric an alarm watches is ApproximateNumberOfMessagesVisible, in namespace "
    "AWS/SQS.",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
    "sqs-available-cloudwatch-metrics.html",
)
def test_the_queue_counts_waiting_and_in_flight_messages(aws, queue, queue_attribute):
    for number in range(3):
        aws.sqs.send_message(QueueUrl=queue, MessageBody=f"order-{number}")
    receive_one(aws, queue)  # one order is being processed
    # HINT: predict the two counts now (SQS returns strings).
    # BEGIN SOLUTION
    waiting, in_flight = "2", "1"
    # END SOLUTION
    assert queue_attribute(queue, "ApproximateNumberOfMessages") == waiting
    assert queue_attribute(queue, "ApproximateNumberOfMessagesNotVisible") == in_flight


@pytest.mark.claim("sqs.send-message-answer", quote="sendMessage api call")
def test_send_message_answers_an_id_and_the_md5_of_the_body(aws, queue):
    # HINT: send the body "order-1" and keep SendMessage's answer in `sent`.
    # BEGIN SOLUTION
    sent = aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    # END SOLUTION
    assert sent["MessageId"]
    # The producer can check that SQS got the body intact.
    assert sent["MD5OfMessageBody"] == hashlib.md5(b"order-1").hexdigest()
    assert receive_one(aws, queue)["MessageId"] == sent["MessageId"]
