"""SQS FIFO ordering: first in, first out, within a message group.

A FIFO queue's name ends in ``.fifo``; every message names its group
(MessageGroupId). Messages of one group come out in the order they went in,
and while one of them is in flight, the rest of its group waits; other
groups carry on, with no order promised between groups.

Notes, "aws integration and messaging > sqs > fifo queue".
"""

import pytest
from botocore.exceptions import ClientError


def send(aws, url: str, body: str, group: str) -> None:
    aws.sqs.send_message(
        QueueUrl=url, MessageBody=body, MessageGroupId=group, MessageDeduplicationId=body
    )


@pytest.mark.claim("sqs.fifo-order-within-group", quote="ordering inside the group is kept")
def test_a_group_comes_out_in_the_order_it_went_in(aws, fifo_queue, receive):
    for step in ("created", "paid", "shipped", "delivered"):
        send(aws, fifo_queue, step, group="order-1")
    # HINT: the bodies in the order one consumer receives them.
    # BEGIN SOLUTION
    expected = ["created", "paid", "shipped", "delivered"]
    # END SOLUTION
    assert receive(fifo_queue) == expected


@pytest.mark.claim("sqs.fifo-group-in-flight", quote="each group has different consumer")
def test_a_group_waits_while_one_of_its_messages_is_in_flight(aws, fifo_queue, receive):
    send(aws, fifo_queue, "a1", group="a")
    send(aws, fifo_queue, "a2", group="a")
    send(aws, fifo_queue, "b1", group="b")
    assert receive(fifo_queue, max=1) == ["a1"]  # consumer 1 holds group a
    # HINT: what does consumer 2 get now (a2 is behind a1 in the same group)?
    # BEGIN SOLUTION
    consumer_2_gets = ["b1"]
    # END SOLUTION
    assert receive(fifo_queue) == consumer_2_gets


@pytest.mark.claim(
    "sqs.fifo-group-id-required", quote="same value for MessageGroupID in fifo queue"
)
def test_a_fifo_queue_refuses_a_message_without_a_group(aws, fifo_queue):
    # HINT: the error code SQS answers for a FIFO send with no MessageGroupId.
    # BEGIN SOLUTION
    expected_error = "MissingParameter"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.sqs.send_message(QueueUrl=fifo_queue, MessageBody="x", MessageDeduplicationId="1")
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim("sqs.fifo-name-suffix", quote="same value for MessageGroupID in fifo queue")
def test_a_fifo_queue_name_ends_in_fifo(aws, unique_name):
    with pytest.raises(ClientError):
        aws.sqs.create_queue(QueueName=unique_name("orders"), Attributes={"FifoQueue": "true"})
    # HINT: create the FIFO queue with a name SQS accepts.
    # BEGIN SOLUTION
    url = aws.sqs.create_queue(
        QueueName=unique_name("orders.fifo"), Attributes={"FifoQueue": "true"}
    )["QueueUrl"]
    # END SOLUTION
    assert url.endswith(".fifo")
