"""SNS fan-out: one order event, every team's queue gets its own copy.

The shop publishes "order placed" once, to one topic. Billing and shipping
each have an SQS queue subscribed to the topic, so each gets every order and
works through it at its own pace: the publisher does not know, or care, who
listens. Analytics joins later by subscribing one more queue, without any
change to the publisher; it gets the orders published from then on.

A queue only accepts what its access policy allows: the ``subscribe``
fixture gives the topic ``sqs:SendMessage`` on the queue before subscribing.

Notes, "aws integration and messaging > aws sns" and "> sns + sqs: fan out".
"""

import pytest


@pytest.mark.claim(
    "sns.every-subscriber-gets-every-message",
    quote="Each subscriber to the topic will get all the messages",
)
def test_every_subscribed_queue_gets_every_order(aws, topic, inbox, subscribe):
    billing, shipping = inbox("billing"), inbox("shipping")
    subscribe(topic, billing)
    # HINT: subscribe the shipping queue to the same topic (the subscribe fixture).
    # BEGIN SOLUTION
    subscribe(topic, shipping)
    # END SOLUTION
    for order in ("order-1", "order-2", "order-3"):
        aws.sns.publish(TopicArn=topic, Message=order)
    assert sorted(billing.messages(at_least=3)) == ["order-1", "order-2", "order-3"]
    assert sorted(shipping.messages(at_least=3)) == ["order-1", "order-2", "order-3"]


@pytest.mark.claim("sns.add-subscribers-over-time", quote="can add more sqs subscribers over time")
def test_a_queue_subscribed_later_gets_only_later_messages(aws, topic, inbox, subscribe):
    billing, analytics = inbox("billing"), inbox("analytics")
    subscribe(topic, billing)
    aws.sns.publish(TopicArn=topic, Message="order-1")
    aws.sns.publish(TopicArn=topic, Message="order-2")
    subscribe(topic, analytics)  # no change to the publisher
    aws.sns.publish(TopicArn=topic, Message="order-3")
    # HINT: SNS pushes a message to the subscribers it has when the message is published.
    # BEGIN SOLUTION
    analytics_gets = ["order-3"]
    # END SOLUTION
    assert sorted(billing.messages(at_least=3)) == ["order-1", "order-2", "order-3"]
    assert analytics.messages(at_least=1) == analytics_gets


@pytest.mark.claim(
    "sns.one-producer-one-topic",
    quote="one event producer can only send messages to one sns topic",
    errata="not a limit: the producer sends each message once, to one topic, instead of to "
    "every receiver; the same producer may publish to as many topics as it is allowed to",
    source="https://docs.aws.amazon.com/sns/latest/api/API_Publish.html",
)
def test_one_producer_publishes_to_two_topics(aws, unique_name, inbox, subscribe):
    orders = aws.sns.create_topic(Name=unique_name("orders"))["TopicArn"]
    refunds = aws.sns.create_topic(Name=unique_name("refunds"))["TopicArn"]
    orders_queue, refunds_queue = inbox("orders"), inbox("refunds")
    subscribe(orders, orders_queue)
    subscribe(refunds, refunds_queue)
    aws.sns.publish(TopicArn=orders, Message="order-1")
    # HINT: the same client (the same producer) publishes "refund-1" to the refunds topic.
    # BEGIN SOLUTION
    aws.sns.publish(TopicArn=refunds, Message="refund-1")
    # END SOLUTION
    assert orders_queue.messages(at_least=1) == ["order-1"]
    assert refunds_queue.messages(at_least=1) == ["refund-1"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto delivers to a queue whatever its access policy says; AWS delivers an SNS "
    "message to an SQS queue only if the queue's policy allows the topic sqs:SendMessage",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack does not enforce SQS access policies (no IAM enforcement), so it "
    "delivers to a queue whatever its policy says; AWS delivers an SNS message to an SQS "
    "queue only if the queue's policy allows the topic sqs:SendMessage",
)
@pytest.mark.claim(
    "sns.queue-policy-required",
    beyond_notes="SNS delivers to an SQS queue only if the queue's access policy allows the "
    "topic sqs:SendMessage; a queue subscribed without it gets nothing.",
    source="https://docs.aws.amazon.com/sns/latest/dg/subscribe-sqs-queue-to-sns-topic.html",
)
def test_a_queue_without_an_access_policy_gets_nothing(aws, topic, inbox, subscribe):
    allowed, locked = inbox("allowed"), inbox("locked")
    subscribe(topic, allowed)  # with the policy
    aws.sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=locked.arn)  # without
    aws.sns.publish(TopicArn=topic, Message="order-1")
    assert allowed.messages(at_least=1) == ["order-1"]  # delivery has happened by now
    assert locked.messages() == [], "SNS may not send to a queue that does not allow it"


@pytest.mark.claim(
    "sns.many-subscribers",
    quote="many event receivers or subscribers can listen to one sns topic",
    source="https://docs.aws.amazon.com/sns/latest/api/API_ListSubscriptionsByTopic.html",
)
def test_one_topic_lists_all_its_subscribers(aws, topic, inbox, subscribe):
    queues = [inbox(team) for team in ("billing", "shipping", "analytics")]
    # HINT: subscribe every queue of `queues` to the topic.
    # BEGIN SOLUTION
    for queue in queues:
        subscribe(topic, queue)
    # END SOLUTION
    listed = aws.sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert sorted(s["Endpoint"] for s in listed) == sorted(queue.arn for queue in queues)


@pytest.mark.claim(
    "sns.one-publish-many-receivers", quote="pub/sub: send one message to many receivers"
)
def test_one_publish_call_reaches_every_receiver(aws, topic, inbox, subscribe):
    receivers = [inbox(team) for team in ("billing", "shipping")]
    for receiver in receivers:
        subscribe(topic, receiver)
    # HINT: one call: publish "order-9" to the topic; keep the answer in `published`.
    # BEGIN SOLUTION
    published = aws.sns.publish(TopicArn=topic, Message="order-9")
    # END SOLUTION
    assert set(published) - {"ResponseMetadata"} == {"MessageId"}, "one message, one ID"
    assert [receiver.messages(at_least=1) for receiver in receivers] == [["order-9"]] * 2


@pytest.mark.claim("sns.publish-with-the-sdk", quote="topic publish using sdk")
def test_publish_names_the_topic_by_its_arn(aws, topic, error_code):
    missing = topic.rsplit(":", 1)[0] + ":no-such-topic"
    publish = aws.sns.publish
    # HINT: what does Publish answer to each topic ARN? (None, or the error code)
    # BEGIN SOLUTION
    expected = {"the topic": None, "a topic that does not exist": "NotFound"}
    # END SOLUTION
    answers = {
        "the topic": error_code(publish, TopicArn=topic, Message="order-1"),
        "a topic that does not exist": error_code(publish, TopicArn=missing, Message="order-1"),
    }
    assert answers == expected
