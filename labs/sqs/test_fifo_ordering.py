"""SQS FIFO ordering: first in, first out, within a message group.

A FIFO queue's name ends in ``.fifo``; every message names its group
(MessageGroupId). Messages of one group come out in the order they went in,
and while one of them is in flight, the rest of its group waits; other
groups carry on, with no order promised between groups. Every message to a
FIFO queue names its group, even when one consumer reads them all in order:
then they all share one group ID.

Notes, "aws integration and messaging > sqs > fifo queue" and "> aws kinesis >
ordering data into sqs using fifo queue".
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
    "sqs.fifo-groups-for-more-consumers",
    quote="to add more consumers, use group ID, similar to partition key in kinesis",
)
def test_more_groups_keep_more_consumers_busy(aws, unique_name, receive):
    def busy_consumers(groups: int) -> int:
        """Four orders sent over `groups` message groups; four consumers take one each."""
        url = aws.sqs.create_queue(
            QueueName=unique_name(f"orders-{groups}.fifo"), Attributes={"FifoQueue": "true"}
        )["QueueUrl"]
        for number in range(4):
            send(aws, url, f"order-{number}", group=f"group-{number % groups}")
        return sum(len(receive(url, max=1)) for _ in range(4))  # each holds its message

    # HINT: how many of the four consumers get a message when the orders share one group,
    # HINT: and when they are spread over four groups?
    # BEGIN SOLUTION
    expected = (1, 4)
    # END SOLUTION
    assert (busy_consumers(1), busy_consumers(4)) == expected


GROUP_ID_DOCS = "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/quotas-messages.html"


@pytest.mark.claim("sqs.fifo-same-group-id", quote="same value for MessageGroupID in fifo queue")
def test_messages_with_the_same_group_id_form_one_group(aws, fifo_queue):
    steps = ["order-1:created", "order-2:created", "order-1:paid", "order-2:paid"]
    steps.append("order-1:shipped")

    def group_for(step: str) -> str:
        # HINT: the MessageGroupId of a step: every step of one order shares one value.
        # BEGIN SOLUTION
        return step.split(":")[0]
        # END SOLUTION

    for step in steps:
        send(aws, fifo_queue, step, group=group_for(step))
    by_group: dict[str, list[str]] = {}
    for _ in range(2 * len(steps)):  # one consumer, deleting what it processed
        messages = aws.sqs.receive_message(
            QueueUrl=fifo_queue, MaxNumberOfMessages=10, MessageSystemAttributeNames=["All"]
        ).get("Messages", [])
        for message in messages:
            by_group.setdefault(message["Attributes"]["MessageGroupId"], []).append(message["Body"])
            aws.sqs.delete_message(QueueUrl=fifo_queue, ReceiptHandle=message["ReceiptHandle"])
        if sum(map(len, by_group.values())) == len(steps):
            break
    assert by_group == {
        "order-1": ["order-1:created", "order-1:paid", "order-1:shipped"],
        "order-2": ["order-2:created", "order-2:paid"],
    }


@pytest.mark.claim(
    "sqs.fifo-group-id-required",
    quote="no need group ID, unlike sns",
    errata="A FIFO queue refuses a message without a MessageGroupId (MissingParameter), SNS "
    "FIFO topics too: to keep every message in one order for one consumer, give them all the "
    "same group ID. (On a standard queue a MessageGroupId is optional: it enables fair queues.)",
    source=GROUP_ID_DOCS,
)
def test_a_fifo_queue_refuses_a_message_without_a_group(aws, fifo_queue, receive):
    # HINT: the error code SQS answers for a FIFO send with no MessageGroupId.
    # BEGIN SOLUTION
    expected_error = "MissingParameter"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.sqs.send_message(QueueUrl=fifo_queue, MessageBody="x", MessageDeduplicationId="1")
    assert refused.value.response["Error"]["Code"] == expected_error
    send(aws, fifo_queue, "x", group="all-orders")  # one group for everything: accepted
    assert receive(fifo_queue) == ["x"]


@pytest.mark.claim(
    "sqs.fifo-name-suffix",
    beyond_notes="A FIFO queue's name ends in .fifo: CreateQueue with FifoQueue=true and any "
    "other name is refused (InvalidParameterValue).",
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_CreateQueue.html",
)
def test_a_fifo_queue_name_ends_in_fifo(aws, unique_name):
    with pytest.raises(ClientError) as refused:
        aws.sqs.create_queue(QueueName=unique_name("orders"), Attributes={"FifoQueue": "true"})
    assert refused.value.response["Error"]["Code"] == "InvalidParameterValue"
    # HINT: create the FIFO queue with a name SQS accepts.
    # BEGIN SOLUTION
    url = aws.sqs.create_queue(
        QueueName=unique_name("orders.fifo"), Attributes={"FifoQueue": "true"}
    )["QueueUrl"]
    # END SOLUTION
    assert url.endswith(".fifo")


@pytest.mark.claim("sqs.fifo-in-order-across-receives", quote="messages processed in order")
def test_a_consumer_gets_a_group_in_order_over_many_receives(aws, fifo_queue):
    for number in range(1, 7):
        send(aws, fifo_queue, f"step-{number}", group="order-1")
    processed = []
    for _ in range(3):  # a consumer takes two at a time, and deletes what it processed
        messages = aws.sqs.receive_message(QueueUrl=fifo_queue, MaxNumberOfMessages=2)
        for message in messages.get("Messages", []):
            processed.append(message["Body"])
            aws.sqs.delete_message(QueueUrl=fifo_queue, ReceiptHandle=message["ReceiptHandle"])
    # HINT: the bodies in the order the consumer processed them.
    # BEGIN SOLUTION
    expected = [f"step-{number}" for number in range(1, 7)]
    # END SOLUTION
    assert processed == expected


@pytest.mark.claim(
    "sqs.fifo-no-order-across-groups", quote="ordering across groups is not guaranteed"
)
def test_groups_do_not_keep_their_order_with_each_other(aws, fifo_queue, receive):
    send(aws, fifo_queue, "a1", group="a")
    send(aws, fifo_queue, "a2", group="a")
    send(aws, fifo_queue, "b1", group="b")  # sent last
    received = []
    first = aws.sqs.receive_message(QueueUrl=fifo_queue, MaxNumberOfMessages=1)["Messages"][0]
    received.append(first["Body"])  # a1, in flight: group a waits
    received += receive(fifo_queue)
    aws.sqs.delete_message(QueueUrl=fifo_queue, ReceiptHandle=first["ReceiptHandle"])
    received += receive(fifo_queue)
    # HINT: the order in which the bodies came out of the queue.
    # BEGIN SOLUTION
    expected = ["a1", "b1", "a2"]
    # END SOLUTION
    assert received == expected, "b1 overtook a2, sent before it"
