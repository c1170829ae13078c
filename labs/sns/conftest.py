"""Shared fixtures for the SNS labs: topics, and SQS queues that listen to them.

Every lab reads what SNS delivered through an SQS queue (an ``Inbox``): SQS
is the subscriber the notes pair with SNS ("sns + sqs: fan out"), and it lets
a test read exactly what arrived.
"""

from __future__ import annotations

import json

import pytest


def queue_policy(queue_arn: str, topic_arn: str) -> str:
    """The SQS access policy that lets one topic send to this queue (AWS requires it)."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "sns.amazonaws.com"},
                    "Action": "sqs:SendMessage",
                    "Resource": queue_arn,
                    "Condition": {"ArnEquals": {"aws:SourceArn": topic_arn}},
                }
            ],
        }
    )


class Inbox:
    """An SQS queue used as an SNS subscriber, and what it received."""

    def __init__(self, aws, url: str, arn: str, eventually) -> None:
        self.aws = aws
        self.url = url
        self.arn = arn
        self._eventually = eventually

    def allow(self, topic_arn: str) -> None:
        """Give the topic permission to send to this queue (the queue's access policy)."""
        self.aws.sqs.set_queue_attributes(
            QueueUrl=self.url, Attributes={"Policy": queue_policy(self.arn, topic_arn)}
        )

    def receive_raw(self, at_least: int = 0) -> list[dict]:
        """Every SQS message waiting now (deleted as read); waits for ``at_least`` of them."""
        received: list[dict] = []

        def enough() -> bool:
            while True:
                batch = self.aws.sqs.receive_message(
                    QueueUrl=self.url,
                    MaxNumberOfMessages=10,
                    WaitTimeSeconds=0,
                    MessageAttributeNames=["All"],
                    AttributeNames=["All"],
                ).get("Messages", [])
                if not batch:
                    break
                self.aws.sqs.delete_message_batch(
                    QueueUrl=self.url,
                    Entries=[
                        {"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]}
                        for n, m in enumerate(batch)
                    ],
                )
                received.extend(batch)
            return len(received) >= at_least

        if at_least:
            self._eventually(enough)
        else:
            enough()
        return received

    def messages(self, at_least: int = 0) -> list[str]:
        """The SNS messages received, unwrapped from SNS's JSON envelope."""
        return [json.loads(m["Body"])["Message"] for m in self.receive_raw(at_least)]


@pytest.fixture
def topic(aws, unique_name) -> str:
    """The ARN of a new standard topic."""
    return aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]


@pytest.fixture
def fifo_topic(aws, unique_name) -> str:
    """The ARN of a new FIFO topic (name ends in .fifo), content-based deduplication off."""
    return aws.sns.create_topic(Name=unique_name("prices.fifo"), Attributes={"FifoTopic": "true"})[
        "TopicArn"
    ]


@pytest.fixture
def inbox(aws, unique_name, eventually):
    """``inbox("billing", fifo=False)``: a new SQS queue to subscribe to topics."""

    def inbox(stem: str, fifo: bool = False) -> Inbox:
        attributes = {"FifoQueue": "true"} if fifo else {}
        url = aws.sqs.create_queue(
            QueueName=unique_name(stem + (".fifo" if fifo else "")), Attributes=attributes
        )["QueueUrl"]
        arn = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        return Inbox(aws, url, arn, eventually)

    return inbox


@pytest.fixture
def subscribe(aws):
    """``subscribe(topic_arn, inbox, **attributes)``: allow the topic, then subscribe the queue.

    ``attributes`` are subscription attributes, for example
    ``RawMessageDelivery="true"`` or ``FilterPolicy=json.dumps({...})``.
    Returns the subscription ARN.
    """

    def subscribe(topic_arn: str, inbox: Inbox, **attributes: str) -> str:
        inbox.allow(topic_arn)
        return aws.sns.subscribe(
            TopicArn=topic_arn,
            Protocol="sqs",
            Endpoint=inbox.arn,
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )["SubscriptionArn"]

    return subscribe
