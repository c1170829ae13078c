"""SQS message visibility timeout: a received message hides, then comes back.

A consumer that receives a message does not remove it: SQS hides it for the
queue's visibility timeout. If the consumer deletes it in time, it is gone;
if not (the consumer crashed), it becomes visible again for another consumer.
A slow consumer asks for more time with ChangeMessageVisibility.

Notes, "aws integration and messaging > sqs > message visibility timeout".
"""

import pytest


@pytest.mark.claim("sqs.visibility-timeout-hides", quote="a message is invisible when it is polled")
def test_a_received_message_is_hidden_from_other_consumers(aws, queue, receive):
    aws.sqs.send_message(QueueUrl=queue, MessageBody="job-1")
    assert receive(queue) == ["job-1"]
    # HINT: what does a second consumer get right after the first one received the message?
    # BEGIN SOLUTION
    second_consumer_gets = []
    # END SOLUTION
    assert receive(queue) == second_consumer_gets


@pytest.mark.claim(
    "sqs.visibility-timeout-default",
    quote="by default 30 seconds, then after that, it becomes visible again",
)
def test_message_reappears_after_the_default_timeout(aws, queue, receive, clock, queue_attribute):
    # HINT: what is a new queue's VisibilityTimeout attribute (SQS returns strings)?
    # BEGIN SOLUTION
    default_timeout = "30"
    # END SOLUTION
    assert queue_attribute(queue, "VisibilityTimeout") == default_timeout
    aws.sqs.send_message(QueueUrl=queue, MessageBody="job-1")
    assert receive(queue) == ["job-1"]
    # HINT: advance the clock to just before, then just after, the default timeout.
    # BEGIN SOLUTION
    clock.advance(29)
    assert receive(queue) == []
    clock.advance(2)
    # END SOLUTION
    assert receive(queue) == ["job-1"]


@pytest.mark.claim(
    "sqs.change-message-visibility", quote="consumer call the ChangeMessageVisibility api"
)
def test_a_slow_consumer_extends_its_timeout(aws, queue, clock, receive):
    # A 2 s queue timeout, extended to 6 s: the mechanism of 30 s extended to minutes,
    # in seconds of real waiting on a backend that cannot move its clock (LocalStack, AWS).
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message(QueueUrl=queue, MessageBody="slow-job")
    message = aws.sqs.receive_message(QueueUrl=queue)["Messages"][0]
    # HINT: ask SQS to keep this message hidden for 6 seconds from now.
    # BEGIN SOLUTION
    aws.sqs.change_message_visibility(
        QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=6
    )
    # END SOLUTION
    clock.advance(4)
    assert receive(queue) == [], "still hidden: the consumer asked for 6 s"
    clock.advance(3)
    assert receive(queue) == ["slow-job"]


@pytest.mark.claim(
    "sqs.change-message-visibility-zero", quote="consumer call the ChangeMessageVisibility api"
)
def test_a_consumer_releases_a_message_at_once(aws, queue, receive):
    aws.sqs.send_message(QueueUrl=queue, MessageBody="give-back")
    message = aws.sqs.receive_message(QueueUrl=queue)["Messages"][0]
    # HINT: which visibility timeout makes the message visible again immediately?
    # BEGIN SOLUTION
    aws.sqs.change_message_visibility(
        QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
    )
    # END SOLUTION
    assert receive(queue) == ["give-back"]
