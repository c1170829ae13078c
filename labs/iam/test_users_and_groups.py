"""Users and groups: a developer who works in two teams.

Dana joins the company as an IAM user. The "senders" team may put messages on
the orders queue; the "readers" team may read them. Dana works in both teams,
so she is added to both groups and inherits both groups' policies: she may
send *and* receive, though no policy names her. IAM itself is global: the
user created through one Region's endpoint is the same user everywhere.
A group holds users only, never another group.

Notes, "aws iam" (users & groups, permissions, global service).
"""

from __future__ import annotations

import boto3
import pytest
from botocore.exceptions import ClientError

# Verified on LocalStack 2026.3 (host mode): none of these calls is refused there.
IAM_NOT_ENFORCED = pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so every call is allowed; AWS refuses what no policy allows",
)


@pytest.fixture
def orders(aws, unique_name) -> str:
    return aws.sqs.create_queue(QueueName=unique_name("orders"))["QueueUrl"]


def status(error: ClientError) -> int:
    return error.response["ResponseMetadata"]["HTTPStatusCode"]


@IAM_NOT_ENFORCED
@pytest.mark.claim(
    "iam.user-inherits-from-every-group",
    quote="belong to multiple groups can inherit permissions from multiple groups policies",
)
def test_a_user_in_two_groups_has_both_permissions(
    aws, orders, new_user, new_group, enforce_iam, policy
):
    senders = new_group("senders", policy.document(policy.allow("sqs:SendMessage")))
    readers = new_group("readers", policy.document(policy.allow("sqs:ReceiveMessage")))
    dana = new_user("dana")
    # HINT: put Dana in both teams (IAM AddUserToGroup); her own user has no policy at all.
    # BEGIN SOLUTION
    aws.iam.add_user_to_group(GroupName=senders, UserName=dana.name)
    aws.iam.add_user_to_group(GroupName=readers, UserName=dana.name)
    # END SOLUTION
    enforce_iam()
    sqs = dana.client("sqs")
    sqs.send_message(QueueUrl=orders, MessageBody="order-1")  # from the senders group
    received = sqs.receive_message(QueueUrl=orders).get("Messages", [])  # from the readers group
    assert [message["Body"] for message in received] == ["order-1"]
    with pytest.raises(ClientError) as refused:
        sqs.delete_queue(QueueUrl=orders)  # neither group allows this
    assert status(refused.value) == 403


@pytest.mark.claim("iam.groups-not-nested", quote="groups can not be nested")
def test_a_group_cannot_join_a_group(aws, new_group):
    developers, backend = new_group("developers"), new_group("backend")
    # HINT: try to add the group `backend` to `developers` as if it were a user: which
    # HINT: error code does IAM answer (there is no API to add a group to a group)?
    # BEGIN SOLUTION
    expected_error = "NoSuchEntity"
    # END SOLUTION
    with pytest.raises(ClientError) as refused:
        aws.iam.add_user_to_group(GroupName=developers, UserName=backend)
    assert refused.value.response["Error"]["Code"] == expected_error


@pytest.mark.claim(
    "iam.user-any-number-of-groups", quote="user can belong to multiple groups or no group"
)
def test_a_user_belongs_to_no_group_or_to_several(aws, new_user, new_group):
    erin = new_user("erin")
    groups = [new_group("web"), new_group("data")]
    groups_now = len(aws.iam.list_groups_for_user(UserName=erin.name)["Groups"])
    # HINT: how many groups is a new user in? Then add Erin to both groups.
    # BEGIN SOLUTION
    groups_of_a_new_user = 0
    for group in groups:
        aws.iam.add_user_to_group(GroupName=group, UserName=erin.name)
    # END SOLUTION
    assert groups_now == groups_of_a_new_user
    listed = aws.iam.list_groups_for_user(UserName=erin.name)["Groups"]
    assert sorted(group["GroupName"] for group in listed) == sorted(groups)


@pytest.mark.claim("iam.global-service", quote="**Global service**")
def test_iam_is_the_same_in_every_region(aws, new_user):
    frank = new_user("frank")  # created through the harness's Region (us-east-1)
    # HINT: make an IAM client for another Region (say eu-west-1) on the same endpoint.
    # BEGIN SOLUTION
    elsewhere = boto3.client("iam", endpoint_url=aws.endpoint_url, region_name="eu-west-1")
    # END SOLUTION
    assert elsewhere.get_user(UserName=frank.name)["User"]["Arn"] == frank.arn
