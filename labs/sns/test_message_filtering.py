"""SNS message filtering: each subscriber says which messages it wants.

Orders go to one topic. Shipping in France wants only French orders of 100
or more that carry a tracking attribute; the audit queue wants everything.
A *filter policy* on a subscription does this inside SNS: a message that does
not match is simply not delivered to that subscriber. The policy matches the
message attributes by default, or the JSON body with
``FilterPolicyScope=MessageBody``. It can match exact values, prefixes,
numeric ranges and whether an attribute exists; a malformed policy is
refused when you set it.

Notes, "aws integration and messaging > aws sns > message filtering".
"""

import json

import pytest
from botocore.exceptions import ClientError


def order(aws, topic: str, name: str, country: str, total: int, tracked: bool = True) -> None:
    attributes = {
        "country": {"DataType": "String", "StringValue": country},
        "total": {"DataType": "Number", "StringValue": str(total)},
    }
    if tracked:
        attributes["tracking"] = {"DataType": "String", "StringValue": "TRK-" + name}
    aws.sns.publish(TopicArn=topic, Message=name, MessageAttributes=attributes)


def publish_orders(aws, topic: str) -> None:
    order(aws, topic, "fr-big", "FR", 150)
    order(aws, topic, "fr-small", "FR", 20)
    order(aws, topic, "de-big", "DE", 300)
    order(aws, topic, "fr-big-untracked", "FR", 180, tracked=False)
    order(aws, topic, "fr-100", "FR-75", 100)


@pytest.mark.claim(
    "sns.filter-policy-attributes",
    quote="subscribers use it to filter messages based on their needs",
)
def test_a_filter_policy_on_attributes_selects_messages(aws, topic, inbox, subscribe):
    shipping, audit = inbox("shipping"), inbox("audit")
    # HINT: a policy: country starts with "FR", total >= 100, and a tracking attribute exists.
    # BEGIN SOLUTION
    policy = {
        "country": [{"prefix": "FR"}],
        "total": [{"numeric": [">=", 100]}],
        "tracking": [{"exists": True}],
    }
    # END SOLUTION
    subscribe(topic, shipping, FilterPolicy=json.dumps(policy))
    subscribe(topic, audit)
    publish_orders(aws, topic)
    assert len(audit.messages(at_least=5)) == 5  # every message has been delivered by now
    assert sorted(shipping.messages()) == ["fr-100", "fr-big"]


@pytest.mark.claim("sns.no-filter-gets-everything", quote="otherwise all message will be received")
def test_an_exact_value_filter_and_no_filter(aws, topic, inbox, subscribe):
    germany, audit = inbox("germany"), inbox("audit")
    subscribe(topic, germany, FilterPolicy=json.dumps({"country": ["DE"]}))  # exact match
    subscribe(topic, audit)  # no filter policy
    order(aws, topic, "de-big", "DE", 300)
    order(aws, topic, "fr-big", "FR", 150)
    # HINT: which orders does each queue get? (sorted names)
    # BEGIN SOLUTION
    audit_gets = ["de-big", "fr-big"]
    germany_gets = ["de-big"]
    # END SOLUTION
    assert sorted(audit.messages(at_least=2)) == audit_gets
    assert sorted(germany.messages()) == germany_gets


@pytest.mark.claim(
    "sns.filter-policy-body", quote="subscribers use it to filter messages based on their needs"
)
def test_a_filter_policy_on_the_message_body(aws, topic, inbox, subscribe):
    vip, audit = inbox("vip"), inbox("audit")
    # HINT: filter on the JSON body (FilterPolicyScope): customer.tier is "gold".
    # BEGIN SOLUTION
    subscribe(
        topic,
        vip,
        FilterPolicyScope="MessageBody",
        FilterPolicy=json.dumps({"customer": {"tier": ["gold"]}}),
    )
    # END SOLUTION
    subscribe(topic, audit)
    for number, tier in enumerate(["gold", "silver", "gold"]):
        body = {"order": f"order-{number}", "customer": {"tier": tier}}
        aws.sns.publish(TopicArn=topic, Message=json.dumps(body))
    assert len(audit.messages(at_least=3)) == 3
    assert sorted(json.loads(m)["order"] for m in vip.messages()) == ["order-0", "order-2"]


@pytest.mark.claim(
    "sns.filter-policy-invalid",
    beyond_notes="A malformed filter policy (a numeric match on text) is refused when it is "
    "set, with InvalidParameter.",
    source="https://docs.aws.amazon.com/sns/latest/dg/subscription-filter-policy-constraints.html",
)
def test_a_malformed_filter_policy_is_refused(aws, topic, inbox, subscribe):
    shipping = inbox("shipping")
    subscription = subscribe(topic, shipping)
    # HINT: the error code SNS answers with for a bad attribute value (a numeric filter on text).
    # BEGIN SOLUTION
    expected_code = "InvalidParameter"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.sns.set_subscription_attributes(
            SubscriptionArn=subscription,
            AttributeName="FilterPolicy",
            AttributeValue=json.dumps({"total": [{"numeric": [">", "a lot"]}]}),
        )
    assert refused.value.response["Error"]["Code"] == expected_code


@pytest.mark.claim(
    "sns.filter-policy-scope-default",
    quote="subscribers use it to filter messages based on their needs",
    source="https://docs.aws.amazon.com/sns/latest/dg/sns-message-filtering-scope.html",
)
def test_a_filter_policy_reads_message_attributes_by_default(aws, topic, inbox, subscribe):
    shipping = inbox("shipping")
    subscription = subscribe(topic, shipping, FilterPolicy=json.dumps({"country": ["FR"]}))
    attributes = aws.sns.get_subscription_attributes(SubscriptionArn=subscription)["Attributes"]
    # HINT: the FilterPolicyScope of a subscription whose policy was set without one.
    # BEGIN SOLUTION
    default_scope = "MessageAttributes"
    # END SOLUTION
    assert attributes["FilterPolicyScope"] == default_scope
    # A body that says "FR" does not match: the policy reads the attributes.
    aws.sns.publish(TopicArn=topic, Message=json.dumps({"country": "FR"}))
    order(aws, topic, "fr-order", "FR", 10)
    assert shipping.messages(at_least=1) == ["fr-order"]
