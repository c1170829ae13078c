"""What an SQS subscriber receives: SNS's JSON envelope, or the raw message.

A checkout service publishes "order placed" with message attributes
(``country``, ``total``) and a subject. By default the SQS queue receives a
JSON *envelope*: the message is one field of it, next to ``Subject``,
``MessageAttributes``, ``TopicArn``, ``MessageId``, the signature... A
consumer that wants only the body turns on raw message delivery on its
subscription: then the SQS body is the message itself and the SNS message
attributes become SQS message attributes.

Notes, "aws integration and messaging > aws sns > how to publish".
"""

import json

import pytest

ATTRIBUTES = {
    "country": {"DataType": "String", "StringValue": "FR"},
    "total": {"DataType": "Number", "StringValue": "120"},
}


@pytest.mark.claim(
    "sns.publish-with-sdk",
    beyond_notes="A message published with the SDK reaches an SQS subscriber wrapped in SNS's "
    "JSON envelope: the message, its subject and attributes, the topic ARN.",
    source="https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html",
)
def test_the_queue_receives_a_json_envelope(aws, topic, inbox, subscribe):
    billing = inbox("billing")
    subscribe(topic, billing)
    aws.sns.publish(
        TopicArn=topic, Message="order-1", Subject="order placed", MessageAttributes=ATTRIBUTES
    )
    body = billing.receive(at_least=1)[0]["Body"]
    # HINT: json.loads the SQS body; find the message, the subject and the country attribute.
    # BEGIN SOLUTION
    envelope = json.loads(body)
    message = envelope["Message"]
    subject = envelope["Subject"]
    country = envelope["MessageAttributes"]["country"]["Value"]
    # END SOLUTION
    assert (message, subject, country) == ("order-1", "order placed", "FR")
    assert envelope["Type"] == "Notification"
    assert envelope["TopicArn"] == topic
    assert envelope["MessageAttributes"]["total"] == {"Type": "Number", "Value": "120"}


@pytest.mark.claim(
    "sns.raw-message-delivery",
    beyond_notes="With RawMessageDelivery on an SQS subscription, the queue receives the message "
    "itself as its body, and the SNS message attributes as SQS message attributes.",
    source="https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html",
)
def test_raw_delivery_puts_the_message_itself_in_the_queue(aws, topic, inbox, subscribe):
    billing = inbox("billing")
    # HINT: subscribe billing with the subscription attribute that turns off the envelope.
    # BEGIN SOLUTION
    subscribe(topic, billing, RawMessageDelivery="true")
    # END SOLUTION
    aws.sns.publish(TopicArn=topic, Message="order-1", MessageAttributes=ATTRIBUTES)
    received = billing.receive(at_least=1)[0]
    assert received["Body"] == "order-1"
    assert received["MessageAttributes"]["country"] == {"DataType": "String", "StringValue": "FR"}
