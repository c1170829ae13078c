"""The helpers labs share: trust and access policies, and an SQS inbox other services send to."""

from __future__ import annotations

import json

import pytest

from harness.testkit.iam import allow, deny, policy_document, service_role, trust_policy
from harness.testkit.inbox import Inbox, send_policy


def test_a_trust_policy_names_the_services_that_may_assume_the_role():
    assert trust_policy("lambda.amazonaws.com") == {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": "lambda.amazonaws.com"},
                "Action": "sts:AssumeRole",
            }
        ],
    }
    both = trust_policy("ec2.amazonaws.com", "ecs-tasks.amazonaws.com")
    assert both["Statement"][0]["Principal"] == {
        "Service": ["ec2.amazonaws.com", "ecs-tasks.amazonaws.com"]
    }
    account = {"AWS": "arn:aws:iam::123456789012:root"}
    assert trust_policy(principal=account)["Statement"][0]["Principal"] == account


@pytest.mark.parametrize(
    ("services", "principal"), [((), None), (("lambda.amazonaws.com",), {"AWS": "*"})]
)
def test_a_trust_policy_trusts_services_or_a_principal(services, principal):
    with pytest.raises(TypeError, match="the services, or principal="):
        trust_policy(*services, principal=principal)


def test_statements_make_a_policy_document():
    document = policy_document(allow("sqs:*", "arn:q"), deny(["s3:PutObject"], Sid="no-writes"))
    assert document["Statement"] == [
        {"Effect": "Allow", "Action": "sqs:*", "Resource": "arn:q"},
        {"Effect": "Deny", "Action": ["s3:PutObject"], "Resource": "*", "Sid": "no-writes"},
    ]


def test_a_send_policy_is_for_one_service_and_if_named_one_source():
    (statement,) = send_policy("arn:q", "sns.amazonaws.com", "arn:topic")["Statement"]
    assert statement["Principal"] == {"Service": "sns.amazonaws.com"}
    assert (statement["Action"], statement["Resource"]) == ("sqs:SendMessage", "arn:q")
    assert statement["Condition"] == {"ArnLike": {"aws:SourceArn": "arn:topic"}}
    assert "Condition" not in send_policy("arn:q", "events.amazonaws.com")["Statement"][0]


def test_a_service_role_can_be_assumed_by_its_service(aws, unique_name):
    arn = service_role(aws.iam, unique_name("states"), "states.amazonaws.com")
    role = aws.iam.get_role(RoleName=arn.rsplit("/", 1)[1])["Role"]
    (statement,) = role["AssumeRolePolicyDocument"]["Statement"]
    assert statement["Principal"] == {"Service": "states.amazonaws.com"}


def test_an_inbox_receives_what_a_topic_sends_and_deletes_what_it_read(
    aws, unique_name, eventually
):
    topic = aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]
    inbox = Inbox.create(aws.sqs, unique_name("inbox"), eventually=eventually)
    inbox.allow("sns.amazonaws.com", topic)
    written = aws.sqs.get_queue_attributes(QueueUrl=inbox.url, AttributeNames=["Policy"])
    assert json.loads(written["Attributes"]["Policy"]) == send_policy(
        inbox.arn, "sns.amazonaws.com", topic
    )
    aws.sns.subscribe(
        TopicArn=topic,
        Protocol="sqs",
        Endpoint=inbox.arn,
        Attributes={"RawMessageDelivery": "true"},
    )
    for number in range(12):  # more than one ReceiveMessage returns
        aws.sns.publish(TopicArn=topic, Message=json.dumps({"order": number}))
    assert sorted(body["order"] for body in inbox.json_bodies(at_least=12)) == list(range(12))
    assert inbox.bodies() == [], "read once, then deleted"


def test_a_fifo_inbox_is_named_as_sqs_requires(aws, unique_name):
    inbox = Inbox.create(aws.sqs, unique_name("prices"), fifo=True)
    assert inbox.url.endswith("-prices.fifo") and inbox.arn.endswith("-prices.fifo")
    inbox.sqs.send_message(QueueUrl=inbox.url, MessageBody="1", MessageGroupId="g",
                           MessageDeduplicationId="d")  # fmt: skip
    (message,) = inbox.receive()
    assert message["Attributes"]["MessageGroupId"] == "g", "read with its attributes"
