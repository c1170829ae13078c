"""Shared fixtures for the SNS labs: topics, and SQS queues that listen to them.

Every lab reads what SNS delivered through an SQS queue (an ``Inbox``, from
``harness.testkit.inbox``): SQS is the subscriber the notes pair with SNS
("sns + sqs: fan out"), and it lets a test read exactly what arrived.
"""

from __future__ import annotations

import pytest

from harness.testkit.inbox import Inbox


class TopicInbox(Inbox):
    """An inbox subscribed to SNS topics: each message arrives in SNS's JSON envelope."""

    def messages(self, at_least: int = 0) -> list[str]:
        """The SNS messages received, unwrapped from SNS's JSON envelope."""
        return [envelope["Message"] for envelope in self.json_bodies(at_least)]


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

    def inbox(stem: str, fifo: bool = False) -> TopicInbox:
        return TopicInbox.create(aws.sqs, unique_name(stem), fifo=fifo, eventually=eventually)

    return inbox


@pytest.fixture
def subscribe(aws):
    """``subscribe(topic_arn, inbox, **attributes)``: allow the topic, then subscribe the queue.

    ``attributes`` are subscription attributes, for example
    ``RawMessageDelivery="true"`` or ``FilterPolicy=json.dumps({...})``.
    Returns the subscription ARN.
    """

    def subscribe(topic_arn: str, inbox: Inbox, **attributes: str) -> str:
        inbox.allow("sns.amazonaws.com", topic_arn)
        return aws.sns.subscribe(
            TopicArn=topic_arn,
            Protocol="sqs",
            Endpoint=inbox.arn,
            Attributes=attributes,
            ReturnSubscriptionArn=True,
        )["SubscriptionArn"]

    return subscribe
