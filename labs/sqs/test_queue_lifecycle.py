"""A queue's life: created once, encrypted from the start, deleted for good.

The orders service creates its queue at every start: ``CreateQueue`` with the
same name and the same attributes answers the URL of the queue that exists,
so the call is safe to repeat; with other attributes it is refused, so a
typo cannot quietly reconfigure a live queue. A new queue is encrypted at
rest with SQS's own keys (SSE-SQS) unless you choose a KMS key. Once
``DeleteQueue`` has run, the queue and its messages are gone: its URL answers
that the queue does not exist.

Notes, "aws integration and messaging > sqs > must know api" and "> security".
"""

import pytest

SET_QUEUE_ATTRIBUTES = (
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/"
    "API_SetQueueAttributes.html"
)


@pytest.mark.claim(
    "sqs.create-queue-idempotent",
    quote="CreateQueue",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html",
)
def test_create_queue_is_safe_to_repeat_with_the_same_attributes(aws, unique_name, error_code):
    name = unique_name("orders")
    first = aws.sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "60"})
    # HINT: predict CreateQueue's answer for the same name: with the same attributes
    # (True: the same URL again), and with VisibilityTimeout 90 (the error code).
    # BEGIN SOLUTION
    same_url_again = True
    other_attributes = "QueueAlreadyExists"
    # END SOLUTION
    again = aws.sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "60"})
    assert (again["QueueUrl"] == first["QueueUrl"]) is same_url_again
    create = aws.sqs.create_queue
    assert error_code(create, QueueName=name, Attributes={"VisibilityTimeout": "90"}) == (
        other_attributes
    )


@pytest.mark.claim("sqs.delete-queue", quote="DeleteQueue")
def test_a_deleted_queue_no_longer_exists(aws, queue, eventually, error_code):
    aws.sqs.send_message(QueueUrl=queue, MessageBody="order-1")
    # HINT: delete the queue, messages and all.
    # BEGIN SOLUTION
    aws.sqs.delete_queue(QueueUrl=queue)
    # END SOLUTION

    def refusal() -> str | None:
        send = aws.sqs.send_message
        return error_code(send, QueueUrl=queue, MessageBody="order-2")

    # AWS may take up to 60 s to finish a deletion: wait for it.
    assert eventually(refusal) == "AWS.SimpleQueueService.NonExistentQueue"


@pytest.mark.claim(
    "sqs.encrypted-at-rest-by-default",
    quote="encryptioin in-transit and at rest",
    source=SET_QUEUE_ATTRIBUTES,
)
def test_a_new_queue_is_encrypted_at_rest(aws, queue, queue_attribute):
    # HINT: a new queue's SqsManagedSseEnabled (SSE with keys SQS manages), as SQS returns it.
    # BEGIN SOLUTION
    sse_sqs = "true"
    # END SOLUTION
    assert queue_attribute(queue, "SqsManagedSseEnabled") == sse_sqs
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"KmsMasterKeyId": "alias/aws/sqs"})
    assert queue_attribute(queue, "KmsMasterKeyId") == "alias/aws/sqs", "or SSE-KMS, your choice"
