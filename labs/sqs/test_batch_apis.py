"""SQS batch APIs: up to 10 messages in one call.

SendMessageBatch, DeleteMessageBatch and ChangeMessageVisibilityBatch take
up to 10 entries, each with an Id of the caller's choosing; the answer says,
per Id, what succeeded and what failed. Fewer calls, lower cost.

Notes, "aws integration and messaging > sqs > must know api".
"""

import pytest
from botocore.exceptions import ClientError

BATCH_QUOTE = (
    "batch apis for sending, deleting, changing messages visibility: help decrease your costs"
)


def entries(count: int) -> list[dict]:
    return [{"Id": f"m{n}", "MessageBody": f"body-{n}"} for n in range(count)]


@pytest.mark.claim("sqs.batch-send", quote=BATCH_QUOTE)
def test_one_call_sends_10_messages(aws, queue, receive):
    # HINT: send entries(10) in a single call.
    # BEGIN SOLUTION
    response = aws.sqs.send_message_batch(QueueUrl=queue, Entries=entries(10))
    # END SOLUTION
    assert sorted(s["Id"] for s in response["Successful"]) == sorted(f"m{n}" for n in range(10))
    assert len(receive(queue)) == 10


@pytest.mark.claim(
    "sqs.batch-limit",
    beyond_notes="A batch takes at most 10 entries: SendMessageBatch with 10 works, with 11 it is "
    "refused as a whole (AWS.SimpleQueueService.TooManyEntriesInBatchRequest).",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html",
)
def test_a_batch_of_11_is_refused(aws, queue):
    # HINT: the error code SQS answers for a batch of 11 entries.
    # BEGIN SOLUTION
    expected_error = "AWS.SimpleQueueService.TooManyEntriesInBatchRequest"
    # END SOLUTION
    assert len(aws.sqs.send_message_batch(QueueUrl=queue, Entries=entries(10))["Successful"]) == 10
    with pytest.raises(ClientError) as refused:
        aws.sqs.send_message_batch(QueueUrl=queue, Entries=entries(11))
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim("sqs.batch-delete-and-visibility", quote=BATCH_QUOTE)
def test_batches_delete_some_and_release_others(aws, queue, clock, receive):
    # A 2 s visibility timeout instead of the default 30 s: the same mechanism, and a
    # backend that cannot move its clock (LocalStack, AWS) waits seconds, not minutes.
    aws.sqs.set_queue_attributes(QueueUrl=queue, Attributes={"VisibilityTimeout": "2"})
    aws.sqs.send_message_batch(QueueUrl=queue, Entries=entries(4))
    received = aws.sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10)["Messages"]
    handles = {m["Body"]: m["ReceiptHandle"] for m in received}
    assert len(handles) == 4
    # HINT: one call deletes body-0 and body-1; another makes body-2 visible again at once
    # (body-3 keeps the queue's 2 s timeout).
    # BEGIN SOLUTION
    aws.sqs.delete_message_batch(
        QueueUrl=queue,
        Entries=[{"Id": "d0", "ReceiptHandle": handles["body-0"]},
                 {"Id": "d1", "ReceiptHandle": handles["body-1"]}],
    )  # fmt: skip
    aws.sqs.change_message_visibility_batch(
        QueueUrl=queue,
        Entries=[{"Id": "v2", "ReceiptHandle": handles["body-2"], "VisibilityTimeout": 0}],
    )
    # END SOLUTION
    assert receive(queue) == ["body-2"]
    clock.advance(3)
    assert sorted(receive(queue)) == ["body-2", "body-3"]
