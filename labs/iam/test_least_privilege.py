"""Least privilege: a producer that may only send.

The order service puts messages on a queue and does nothing else, so its IAM
user gets exactly one permission: ``sqs:SendMessage`` on that queue. With IAM
enforced, every other call it makes is refused (HTTP 403): reading the queue,
deleting it. Three rules of IAM's policy evaluation show up on the way:

- no policy means deny (an implicit deny: nothing allows it);
- an Allow grants only what it names;
- an explicit Deny wins over any Allow, wherever the Allow comes from.

A colleague with a policy that allows the queue's actions shows that the
newcomer's refusals come from having no policy, not from the queue.

The emulator enforces IAM only when asked (the ``enforce_iam`` fixture); the
setup before that call runs with the harness's own, all-powerful credentials.

Notes, "aws iam" (iam permissions, least privilege).
"""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError

EVALUATION_LOGIC = (
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html"
)

# Verified on LocalStack 2026.3 (host mode): none of these calls is refused there.
IAM_NOT_ENFORCED = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)


@pytest.fixture
def orders(aws, unique_name) -> tuple[str, str]:
    """(url, arn) of the orders queue."""
    url = aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"]
    arn = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
    return url, arn["Attributes"]["QueueArn"]


def refused(call, **arguments) -> bool:
    """True when AWS answers the call with 403 Forbidden (access denied)."""
    try:
        call(**arguments)
    except ClientError as error:
        return error.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    return False


@IAM_NOT_ENFORCED
@pytest.mark.claim("iam.least-privilege", quote="in aws, apply the least privilege principle")
def test_a_producer_may_send_and_nothing_else(orders, new_user, enforce_iam, policy):
    url, arn = orders
    # HINT: a policy document (policy.document, policy.allow) that allows only sqs:SendMessage,
    # HINT: and only on this queue (its ARN is `arn`).
    # BEGIN SOLUTION
    producer_policy = policy.document(policy.allow("sqs:SendMessage", arn))
    # END SOLUTION
    producer = new_user("producer", producer_policy)
    enforce_iam()
    sqs = producer.client("sqs")
    sqs.send_message(QueueUrl=url, MessageBody="order-1")
    assert refused(sqs.receive_message, QueueUrl=url)
    assert refused(sqs.delete_queue, QueueUrl=url)
    assert refused(sqs.create_queue, QueueName="another-queue")


@IAM_NOT_ENFORCED
@pytest.mark.claim("iam.no-policy-no-access", quote="users & groups can be assigned `policies`")
def test_a_user_without_a_policy_can_do_nothing(orders, new_user, enforce_iam, policy):
    url, arn = orders
    newcomer = new_user("newcomer")  # valid access key, no policy, no group
    # The same user, with one policy assigned: the policy is what makes the difference.
    colleague = new_user("colleague", policy.document(policy.allow("sqs:*", arn)))
    enforce_iam()

    def allowed_calls(user) -> list[str]:
        sqs = user.client("sqs")
        calls = {
            "send_message": lambda: sqs.send_message(QueueUrl=url, MessageBody="hello"),
            "receive_message": lambda: sqs.receive_message(QueueUrl=url),
            "get_queue_attributes": lambda: sqs.get_queue_attributes(QueueUrl=url),
        }
        return [name for name, call in calls.items() if not refused(call)]

    # HINT: which of these calls does IAM let through for the newcomer, whom no policy allows
    # HINT: anything? List the names, e.g. ["send_message"] (an empty list is a fine answer).
    # BEGIN SOLUTION
    newcomer_may = []
    # END SOLUTION
    assert allowed_calls(newcomer) == newcomer_may
    assert allowed_calls(colleague) == ["send_message", "receive_message", "get_queue_attributes"]


@IAM_NOT_ENFORCED
@pytest.mark.claim(
    "iam.explicit-deny-wins",
    beyond_notes="An explicit Deny in a user's own policy wins over the Allow of their group: "
    "DeleteQueue is refused, SendMessage (not denied) still allowed.",
    source=EVALUATION_LOGIC,
)
def test_an_explicit_deny_beats_the_groups_allow(orders, new_user, new_group, enforce_iam, policy):
    url, arn = orders
    operators = new_group("operators", policy.document(policy.allow("sqs:*")))
    # HINT: the operators group allows every SQS action. Give the intern an inline policy
    # HINT: that denies sqs:DeleteQueue, so the group's Allow no longer lets them delete.
    # BEGIN SOLUTION
    intern_policy = policy.document(policy.deny("sqs:DeleteQueue", arn))
    # END SOLUTION
    intern = new_user("intern", intern_policy, groups=(operators,))
    enforce_iam()
    sqs = intern.client("sqs")
    sqs.send_message(QueueUrl=url, MessageBody="still allowed")
    assert refused(sqs.delete_queue, QueueUrl=url)
    assert sqs.get_queue_url(QueueName=url.rsplit("/", 1)[1])["QueueUrl"] == url, "not deleted"
