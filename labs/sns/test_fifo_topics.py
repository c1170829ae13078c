"""SNS FIFO topics: price updates, in order and once, to every subscriber.

A pricing service publishes updates to a FIFO topic (its name ends in
``.fifo``). Like a FIFO queue, the topic keeps order within a message group
(each product is a group) and drops a duplicate published again within 5
minutes: one with the same deduplication ID, given by the producer or, with
content-based deduplication, the SHA-256 of the body. Its
subscribers can be FIFO queues, which keep that order, and also standard
queues, which do not promise order but still get each update once. SQS
queues are all it takes: an email address or an HTTPS endpoint cannot keep
order, so a FIFO topic refuses them as subscribers. Every message published
to a FIFO topic names its group: one without a MessageGroupId is refused.
Its throughput is limited: 3,000 messages (or 20 MB) per second while it
deduplicates across the whole topic (``FifoThroughputScope=Topic``, the
default); ``MessageGroup`` deduplicates within each group instead and lifts
that limit to the Region's quotas.

Notes, "aws integration and messaging > aws sns > fifo topic".
"""

import json

import pytest
from botocore.exceptions import ClientError

FIFO_DELIVERY = "https://docs.aws.amazon.com/sns/latest/dg/fifo-message-delivery.html"
FIFO_DEDUP = "https://docs.aws.amazon.com/sns/latest/api/API_Publish.html"


@pytest.mark.claim(
    "sns.fifo-group-ordering", quote="message group id (all messages ordered in the same group)"
)
def test_a_fifo_queue_gets_a_groups_updates_in_order(aws, fifo_topic, inbox, subscribe):
    store = inbox("store", fifo=True)
    subscribe(fifo_topic, store)
    # HINT: publish "apple 1", "apple 2", "apple 3" in that order to the "apple" message group,
    # HINT: each with dedup_id(update) as MessageDeduplicationId.
    # BEGIN SOLUTION
    for update in ("apple 1", "apple 2", "apple 3"):
        aws.sns.publish(
            TopicArn=fifo_topic,
            Message=update,
            MessageGroupId="apple",
            MessageDeduplicationId=dedup_id(update),
        )
    # END SOLUTION
    received = store.receive(at_least=3)
    assert [m["Attributes"]["MessageGroupId"] for m in received] == ["apple"] * 3
    assert store.messages() == []
    assert [json_message(m) for m in received] == ["apple 1", "apple 2", "apple 3"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses a FIFO publish without a group with MissingParameter; AWS answers "
    'InvalidParameter ("The MessageGroupId parameter is required for FIFO topics")',
)
@pytest.mark.claim(
    "sns.fifo-group-id-required",
    quote="message group id (all messages ordered in the same group)",
    source="https://docs.aws.amazon.com/sns/latest/api/API_Publish.html",
)
def test_a_fifo_topic_refuses_a_message_without_a_group(aws, fifo_topic, error_code):
    # HINT: the error code SNS answers for a FIFO publish with no MessageGroupId.
    # BEGIN SOLUTION
    expected_code = "InvalidParameter"
    # END SOLUTION
    no_group = {"TopicArn": fifo_topic, "Message": "apple 0", "MessageDeduplicationId": "apple-0"}
    assert error_code(aws.sns.publish, **no_group) == expected_code
    assert error_code(aws.sns.publish, **no_group, MessageGroupId="apple") is None


@pytest.mark.claim("sns.fifo-deduplication", quote="deduplication", line=1017)
def test_a_duplicate_update_is_delivered_once(aws, fifo_topic, inbox, subscribe):
    store = inbox("store", fifo=True)
    subscribe(fifo_topic, store)
    for update in ("apple 1", "apple 1", "apple 2"):  # the producer retried "apple 1"
        publish(aws, fifo_topic, update)
    # HINT: each update's deduplication ID is made from its text: what does the store get?
    # BEGIN SOLUTION
    store_gets = ["apple 1", "apple 2"]
    # END SOLUTION
    assert store.messages(at_least=2) == store_gets


@pytest.mark.claim(
    "sns.fifo-standard-queue-subscriber",
    quote="**note**: can have sqs standard or fifo as subscribers",
)
def test_a_standard_queue_subscribes_to_a_fifo_topic(aws, fifo_topic, inbox, subscribe):
    store, analytics = inbox("store", fifo=True), inbox("analytics")
    subscribe(fifo_topic, store)
    # HINT: subscribe the analytics queue (a standard queue) to the FIFO topic.
    # BEGIN SOLUTION
    subscribe(fifo_topic, analytics)
    # END SOLUTION
    for update in ("apple 1", "pear 1"):
        publish(aws, fifo_topic, update)
    assert sorted(store.messages(at_least=2)) == ["apple 1", "pear 1"]
    assert sorted(analytics.messages(at_least=2)) == ["apple 1", "pear 1"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto subscribes an email address or an HTTPS endpoint to a FIFO topic; AWS takes "
    "only SQS queues on a FIFO topic and refuses other protocols with InvalidParameter",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack subscribes an email address or an HTTPS endpoint to a FIFO topic; AWS "
    "takes only SQS queues on a FIFO topic and refuses other protocols with InvalidParameter",
)
@pytest.mark.claim(
    "sns.fifo-topic-only-sqs-subscribers",
    quote="**note**: can have sqs standard or fifo as subscribers",
    source=FIFO_DELIVERY,
)
def test_a_fifo_topic_takes_only_sqs_queues(aws, fifo_topic, inbox, subscribe):
    subscribe(fifo_topic, inbox("analytics"))  # a standard queue: accepted
    # HINT: the error code SNS answers with when a FIFO topic is given an email or https subscriber.
    # BEGIN SOLUTION
    expected_code = "InvalidParameter"
    # END SOLUTION
    for protocol, endpoint in (
        ("email", "pricing-team@example.com"),
        ("https", "https://example.com/prices"),
    ):
        with pytest.raises(ClientError) as refused:
            aws.sns.subscribe(TopicArn=fifo_topic, Protocol=protocol, Endpoint=endpoint)
        assert refused.value.response["Error"]["Code"] == expected_code, protocol


@pytest.mark.emulator_gap(
    "moto",
    reason="moto leaves deduplication to a FIFO queue subscriber, so a standard queue gets "
    "the duplicate; AWS drops a duplicate at the FIFO topic, for every subscriber",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack leaves deduplication to a FIFO queue subscriber (it does not deduplicate "
    "at the topic), so a standard queue gets the duplicate; AWS drops a duplicate at the FIFO "
    "topic, for every subscriber",
)
@pytest.mark.claim(
    "sns.fifo-deduplication-at-the-topic",
    quote="deduplication",
    line=1017,
    source=FIFO_DELIVERY,
)
def test_the_topic_deduplicates_for_a_standard_queue_too(aws, fifo_topic, inbox, subscribe):
    analytics = inbox("analytics")
    subscribe(fifo_topic, analytics)
    for update in ("apple 1", "apple 1", "apple 2"):
        publish(aws, fifo_topic, update)
    assert sorted(analytics.messages(at_least=2)) == ["apple 1", "apple 2"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto refuses the publish unless the subscribed FIFO queue has content-based "
    "deduplication of its own; AWS passes the topic's deduplication ID on to the queue",
)
@pytest.mark.claim(
    "sns.fifo-content-based-deduplication", quote="deduplication", line=1017, source=FIFO_DEDUP
)
def test_content_based_deduplication_needs_no_ids(aws, unique_name, inbox, subscribe):
    topic = aws.sns.create_topic(
        Name=unique_name("prices.fifo"),
        Attributes={"FifoTopic": "true", "ContentBasedDeduplication": "true"},
    )["TopicArn"]
    store = inbox("store", fifo=True)
    subscribe(topic, store)
    for update in ("apple 1", "apple 1", "apple 2"):  # no MessageDeduplicationId
        aws.sns.publish(TopicArn=topic, Message=update, MessageGroupId="apple")
    assert store.messages(at_least=2) == ["apple 1", "apple 2"]


THROUGHPUT_SCOPE = "https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto does not deduplicate at a FIFO topic, whatever its FifoThroughputScope, so a "
    "standard queue gets every copy; AWS deduplicates across the whole topic by default (Topic "
    "scope, at most 3,000 messages or 20 MB per second) and within each message group with "
    "FifoThroughputScope=MessageGroup, which lifts that limit",
)
@pytest.mark.claim(
    "sns.fifo-throughput-scope",
    quote="limited throughput",
    line=1019,
    source=THROUGHPUT_SCOPE,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack delivers a message again whose deduplication ID the topic saw in another "
    "group; AWS's default Topic scope deduplicates across groups",
)
def test_a_fifo_topic_lifts_its_throughput_limit_per_message_group(
    aws, unique_name, inbox, subscribe
):
    def delivered(scope: str | None, expected: int) -> list[str]:
        """Publish the same update ID in two groups; what a standard queue gets."""
        attributes = {"FifoTopic": "true"}
        if scope is not None:
            attributes["FifoThroughputScope"] = scope
        name = unique_name(f"prices-{scope or 'default'}")
        topic = aws.sns.create_topic(Name=f"{name}.fifo", Attributes=attributes)["TopicArn"]
        analytics = inbox(f"analytics-{scope or 'default'}")
        subscribe(topic, analytics)
        for update in ("apple 1", "pear 1"):  # one deduplication ID for both groups
            aws.sns.publish(
                TopicArn=topic,
                Message=update,
                MessageGroupId=update.split()[0],
                MessageDeduplicationId="monday-prices",
            )
        publish(aws, topic, "plum 1")  # an update of its own
        return sorted(analytics.messages(at_least=expected))

    scope = None
    # HINT: the FifoThroughputScope that lifts a FIFO topic's limit of 3,000 messages per
    # HINT: second, by deduplicating within each message group instead of the whole topic.
    # BEGIN SOLUTION
    scope = "MessageGroup"
    # END SOLUTION
    assert delivered(None, expected=2) == ["apple 1", "plum 1"], "one ID, once per topic"
    assert delivered(scope, expected=3) == ["apple 1", "pear 1", "plum 1"]


def dedup_id(update: str) -> str:
    """A price update's deduplication ID: its text, "apple 1" as "apple-1".

    A MessageDeduplicationId takes only letters, digits and punctuation, up to 128 of
    them: no spaces (AWS refuses the publish).
    """
    return update.replace(" ", "-")


def publish(aws, topic: str, update: str) -> None:
    """Publish a price update: its product is the group, its text the deduplication ID."""
    product = update.split()[0]
    aws.sns.publish(
        TopicArn=topic,
        Message=update,
        MessageGroupId=product,
        MessageDeduplicationId=dedup_id(update),
    )


def json_message(sqs_message: dict) -> str:
    """The SNS message inside an SQS message's JSON envelope."""
    return json.loads(sqs_message["Body"])["Message"]


@pytest.mark.claim(
    "sns.fifo-topic-name",
    quote="similar to fifo queue",
    source="https://docs.aws.amazon.com/sns/latest/dg/fifo-topic-code-examples.html",
)
def test_a_fifo_topic_is_named_like_a_fifo_queue(aws, unique_name, error_code):
    create = aws.sns.create_topic
    fifo = {"FifoTopic": "true"}
    # HINT: what does CreateTopic answer each? (None, or the error code)
    # BEGIN SOLUTION
    expected = {
        "FIFO, name ends in .fifo": None,
        "FIFO, plain name": "InvalidParameter",
        "standard, name ends in .fifo": "InvalidParameter",
    }
    # END SOLUTION
    answers = {
        "FIFO, name ends in .fifo": error_code(create, Name=unique_name("a.fifo"), Attributes=fifo),
        "FIFO, plain name": error_code(create, Name=unique_name("b"), Attributes=fifo),
        "standard, name ends in .fifo": error_code(create, Name=unique_name("c.fifo")),
    }
    assert answers == expected
