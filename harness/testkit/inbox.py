"""An inbox: an SQS queue that receives what other services send, for a lab to read.

SNS topics, EventBridge rules, S3 event notifications and CloudWatch alarms
(through SNS) all deliver to SQS, and a lab reads exactly what arrived from
the queue. AWS delivers only where the queue's access policy lets the sending
service send, on behalf of that source: ``allow`` writes that policy::

    from harness.testkit.inbox import Inbox

    inbox = Inbox.create(aws.sqs, unique_name("events"), eventually=eventually)
    inbox.allow("events.amazonaws.com")
    ...
    assert inbox.json_bodies(at_least=1)[0]["detail"] == {"order": 7}

Plain Python over a boto3 SQS client; no pytest needed.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from harness.testkit.iam import allow, policy_document


def queue_arn(sqs, url: str) -> str:
    """The ARN of the queue at ``url`` (what subscriptions, targets and policies name)."""
    attributes = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    return attributes["Attributes"]["QueueArn"]


def send_policy(queue: str, service: str, source_arn: str | None = None) -> dict:
    """The queue access policy that lets ``service`` send to ``queue`` (an ARN).

    With ``source_arn`` (a topic, a bucket, a rule; wildcards allowed), only on
    behalf of that source, as AWS advises against the confused deputy.
    """
    statement = allow("sqs:SendMessage", queue, Principal={"Service": service})
    if source_arn is not None:
        statement["Condition"] = {"ArnLike": {"aws:SourceArn": source_arn}}
    return policy_document(statement)


class Inbox:
    """An SQS queue other services send to, and what it received (deleted as read).

    ``eventually`` (the fixture, or ``harness.testkit.eventually.Eventually()``)
    lets a read wait for ``at_least`` messages; without it a read takes what is
    there now.
    """

    def __init__(self, sqs, url: str, eventually: Callable | None = None) -> None:
        self.sqs = sqs
        self.url = url
        self.arn = queue_arn(sqs, url)
        self._eventually = eventually

    @classmethod
    def create(
        cls, sqs, name: str, *, fifo: bool = False, eventually: Callable | None = None
    ) -> Inbox:
        """A new queue named ``name`` (``.fifo`` added for a FIFO queue)."""
        attributes = {"FifoQueue": "true"} if fifo else {}
        url = sqs.create_queue(QueueName=name + (".fifo" if fifo else ""), Attributes=attributes)[
            "QueueUrl"
        ]
        return cls(sqs, url, eventually)

    def allow(self, service: str, source_arn: str | None = None) -> None:
        """Let ``service`` (``"sns.amazonaws.com"``) send here, for ``source_arn`` only if given."""
        policy = json.dumps(send_policy(self.arn, service, source_arn))
        self.sqs.set_queue_attributes(QueueUrl=self.url, Attributes={"Policy": policy})

    def receive(self, at_least: int = 0) -> list[dict]:
        """Every SQS message waiting now, with its attributes; waits for ``at_least`` of them."""
        received: list[dict] = []

        def enough() -> bool:
            while batch := self.sqs.receive_message(
                QueueUrl=self.url,
                MaxNumberOfMessages=10,
                WaitTimeSeconds=0,
                MessageAttributeNames=["All"],
                AttributeNames=["All"],
            ).get("Messages", []):
                self.sqs.delete_message_batch(
                    QueueUrl=self.url,
                    Entries=[
                        {"Id": str(n), "ReceiptHandle": m["ReceiptHandle"]}
                        for n, m in enumerate(batch)
                    ],
                )
                received.extend(batch)
            return len(received) >= at_least

        if at_least and self._eventually is not None:
            self._eventually(enough)
        else:
            enough()
        return received

    def bodies(self, at_least: int = 0) -> list[str]:
        """The bodies of the messages waiting now (see ``receive``)."""
        return [message["Body"] for message in self.receive(at_least)]

    def json_bodies(self, at_least: int = 0) -> list:
        """The bodies, parsed as JSON: what S3, EventBridge and SNS send is JSON."""
        return [json.loads(body) for body in self.bodies(at_least)]
