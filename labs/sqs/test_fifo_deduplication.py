"""SQS FIFO deduplication: the same message sent twice is delivered once.

A FIFO queue remembers each message's deduplication ID for 5 minutes and
drops a second message with the same ID in that interval. The ID is either
given by the producer (MessageDeduplicationId) or, with content-based
deduplication on, the SHA-256 hash of the body.

Notes, "aws integration and messaging > sqs > fifo queue > deduplication".
"""

import hashlib

import pytest


@pytest.fixture
def content_deduplicated_queue(aws, unique_name) -> str:
    return aws.sqs.create_queue(
        QueueName=unique_name("dedup.fifo"),
        Attributes={"FifoQueue": "true", "ContentBasedDeduplication": "true"},
    )["QueueUrl"]


@pytest.mark.claim(
    "sqs.fifo-content-based-deduplication",
    quote="Content-based deduplication: will do a SHA-256 hash of the message body",
)
def test_content_based_deduplication_hashes_the_body(aws, content_deduplicated_queue):
    for _ in range(2):
        aws.sqs.send_message(
            QueueUrl=content_deduplicated_queue, MessageBody="pay-42", MessageGroupId="g"
        )
    messages = aws.sqs.receive_message(
        QueueUrl=content_deduplicated_queue,
        MaxNumberOfMessages=10,
        MessageSystemAttributeNames=["MessageDeduplicationId"],
    )["Messages"]
    assert [m["Body"] for m in messages] == ["pay-42"], "the second send was dropped"
    # HINT: compute the deduplication ID SQS derived from the body "pay-42".
    # BEGIN SOLUTION
    expected_id = hashlib.sha256(b"pay-42").hexdigest()
    # END SOLUTION
    assert messages[0]["Attributes"]["MessageDeduplicationId"] == expected_id


@pytest.mark.claim(
    "sqs.fifo-explicit-deduplication-id", quote="Explicitly provide a Message Deduplication ID"
)
def test_an_explicit_deduplication_id_drops_a_different_body(aws, fifo_queue, receive):
    for body, deduplication_id in [("first", "op-7"), ("second", "op-7"), ("third", "op-8")]:
        aws.sqs.send_message(
            QueueUrl=fifo_queue,
            MessageBody=body,
            MessageGroupId="g",
            MessageDeduplicationId=deduplication_id,
        )
    # HINT: which bodies does a consumer get? Only the deduplication ID counts, not the body.
    # BEGIN SOLUTION
    delivered = ["first", "third"]
    # END SOLUTION
    assert receive(fifo_queue) == delivered


@pytest.mark.claim("sqs.fifo-deduplication-interval", quote="interval is 5 min")
def test_a_duplicate_after_5_minutes_is_delivered(aws, content_deduplicated_queue, clock, receive):
    def send() -> None:
        aws.sqs.send_message(
            QueueUrl=content_deduplicated_queue, MessageBody="nightly-report", MessageGroupId="g"
        )

    send()
    clock.advance(299)
    send()  # a duplicate: accepted, never delivered
    # HINT: move past the deduplication interval (counted from the first send).
    # BEGIN SOLUTION
    clock.advance(2)
    # END SOLUTION
    send()  # the same body again, now a new message
    assert receive(content_deduplicated_queue) == ["nightly-report", "nightly-report"]


@pytest.mark.claim("sqs.fifo-deduplication-after-delete", quote="interval is 5 min")
@pytest.mark.emulator_gap(
    "moto",
    reason="moto compares a new message only with messages still in the queue, so deleting "
    "the first one ends its deduplication; AWS keeps the ID for the whole 5 minutes",
)
def test_deleting_a_message_does_not_end_its_deduplication(aws, content_deduplicated_queue, clock):
    def send() -> None:
        aws.sqs.send_message(
            QueueUrl=content_deduplicated_queue, MessageBody="charge-card", MessageGroupId="g"
        )

    def receive_and_delete() -> list[str]:
        messages = aws.sqs.receive_message(
            QueueUrl=content_deduplicated_queue, MaxNumberOfMessages=10
        ).get("Messages", [])
        for message in messages:
            aws.sqs.delete_message(
                QueueUrl=content_deduplicated_queue, ReceiptHandle=message["ReceiptHandle"]
            )
        return [message["Body"] for message in messages]

    send()
    assert receive_and_delete() == ["charge-card"]
    clock.advance(2)  # any time within the 5 minutes; 2 s keeps real waits short
    send()  # a retry by a producer that did not see the first send succeed
    # HINT: what does a consumer get now, two seconds after the first send?
    # BEGIN SOLUTION
    expected = []
    # END SOLUTION
    assert receive_and_delete() == expected


@pytest.mark.claim(
    "sqs.fifo-exactly-once-processing",
    quote="exactly once delivery",
    errata="FIFO queues promise exactly-once processing, not delivery: a duplicate sent "
    "within the 5-minute interval is dropped, but a message a consumer receives and does not "
    "delete before its visibility timeout ends is delivered again.",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
    "FIFO-queues-exactly-once-processing.html",
)
def test_a_fifo_message_not_deleted_is_delivered_again(aws, content_deduplicated_queue, clock):
    url = content_deduplicated_queue
    aws.sqs.set_queue_attributes(QueueUrl=url, Attributes={"VisibilityTimeout": "2"})
    for _ in range(2):  # the producer retries: the duplicate is dropped
        aws.sqs.send_message(QueueUrl=url, MessageBody="ship-7", MessageGroupId="g")
    deliveries = []
    for _ in range(2):  # a consumer that crashes each time, before DeleteMessage
        messages = aws.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10)
        deliveries += [message["Body"] for message in messages.get("Messages", [])]
        clock.advance(3)
    # HINT: the bodies the consumer got over its two receives, in order.
    # BEGIN SOLUTION
    expected = ["ship-7", "ship-7"]
    # END SOLUTION
    assert deliveries == expected


@pytest.mark.claim(
    "sqs.fifo-duplicate-accepted-not-delivered",
    quote="prevent producers from sending duplicated messages",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/"
    "using-messagededuplicationid-property.html",
)
def test_a_duplicate_send_succeeds_but_is_not_delivered(aws, fifo_queue, error_code, receive):
    def send() -> str | None:
        call = aws.sqs.send_message
        return error_code(
            call,
            QueueUrl=fifo_queue,
            MessageBody="refund-9",
            MessageGroupId="g",
            MessageDeduplicationId="refund-9",
        )

    # HINT: predict both sends' answers (None, or an error code), then what a consumer gets.
    # BEGIN SOLUTION
    expected_answers, expected_bodies = [None, None], ["refund-9"]
    # END SOLUTION
    assert [send(), send()] == expected_answers, "the producer's retry is not an error"
    assert receive(fifo_queue) == expected_bodies
