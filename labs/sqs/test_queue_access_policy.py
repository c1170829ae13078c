"""A queue's access policy: who else may send to it.

The billing queue belongs to the shop's account. A partner's account must
send invoices to it: the queue's *access policy* (a resource-based policy,
the queue's ``Policy`` attribute) says so. A new queue has none, so only its
own account's identities, through their IAM policies, may use it.
``AddPermission`` adds a statement for other accounts and actions;
``RemovePermission`` takes it away again.

Notes, "aws integration and messaging > sqs > queue access policy".
"""

import json

import pytest

PARTNER = "111122223333"


def policy_of(aws, url: str) -> dict | None:
    answer = aws.sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["Policy"])
    policy = answer.get("Attributes", {}).get("Policy")
    return json.loads(policy) if policy else None


@pytest.mark.claim(
    "sqs.queue-access-policy",
    quote="resource-based policy",
    line=955,
    source="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_AddPermission.html",
)
def test_add_permission_lets_another_account_send(aws, queue):
    assert policy_of(aws, queue) is None, "a new queue has no access policy"
    # HINT: let account PARTNER call SendMessage on the queue (label "partner").
    # BEGIN SOLUTION
    aws.sqs.add_permission(
        QueueUrl=queue, Label="partner", AWSAccountIds=[PARTNER], Actions=["SendMessage"]
    )
    # END SOLUTION
    (statement,) = policy_of(aws, queue)["Statement"]
    assert statement["Effect"] == "Allow"
    assert statement["Action"] == "SQS:SendMessage"
    assert PARTNER in json.dumps(statement["Principal"])
    aws.sqs.remove_permission(QueueUrl=queue, Label="partner")
    policy = policy_of(aws, queue)
    assert policy is None or policy["Statement"] == []
