"""Who may use a topic: its access policy, as an SQS queue has one.

A new topic comes with a default *access policy* (a resource-based policy,
like an SQS queue's): it allows the topic's own account, and no one else, to
publish, subscribe and manage it. To let another account or a service
publish, you add a statement to that policy.

Notes, "aws integration and messaging > aws sns > security: similar to sqs".
"""

import json

import pytest


@pytest.mark.claim(
    "sns.default-topic-policy",
    quote="security: similar to sqs",
    source="https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html",
)
def test_a_new_topics_policy_allows_only_its_own_account(aws, topic):
    attributes = aws.sns.get_topic_attributes(TopicArn=topic)["Attributes"]
    (statement,) = json.loads(attributes["Policy"])["Statement"]
    assert statement["Effect"] == "Allow" and statement["Resource"] == topic
    # HINT: which account does the default statement's condition (AWS:SourceOwner) name?
    # (the topic's ARN says whose it is: arn:aws:sns:<region>:<account>:<name>)
    # BEGIN SOLUTION
    allowed_account = topic.split(":")[4]
    # END SOLUTION
    assert statement["Condition"] == {"StringEquals": {"AWS:SourceOwner": allowed_account}}
    assert "SNS:Publish" in statement["Action"]
