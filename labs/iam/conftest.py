"""Shared fixtures for the IAM labs: users with their own access keys, and IAM enforced.

An emulator normally lets every caller do everything. To see least privilege
for real, a lab creates a user, gives it a policy and an access key, then asks
the backend to *enforce* IAM and calls AWS as that user.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import boto3
import pytest

from harness.testkit.iam import allow, deny, policy_document

ACCOUNT_ID = "123456789012"  # moto's and LocalStack's default account


class Policies:
    """Builds IAM policy documents: ``policy.document(policy.allow("sqs:SendMessage", arn))``.

    The statements come from ``harness.testkit.iam``, which other topics use too.
    """

    @staticmethod
    def document(*statements: dict) -> str:
        """A policy document (JSON text) from its statements."""
        return json.dumps(policy_document(*statements))

    allow = staticmethod(allow)
    deny = staticmethod(deny)


@pytest.fixture
def policy() -> Policies:
    """``policy.document(...)``, ``policy.allow(...)``, ``policy.deny(...)``."""
    return Policies()


@dataclass
class Identity:
    """An IAM user and its access key: what the CLI or an SDK signs requests with."""

    name: str
    arn: str
    access_key_id: str
    secret_access_key: str
    endpoint_url: str | None
    region: str

    def client(self, service: str):
        """A boto3 client that signs its requests as this user."""
        return boto3.client(
            service,
            endpoint_url=self.endpoint_url,
            region_name=self.region,
            aws_access_key_id=self.access_key_id,
            aws_secret_access_key=self.secret_access_key,
        )


@pytest.fixture
def new_user(aws, unique_name):
    """``new_user("alice", policy=None, groups=())`` -> an :class:`Identity` with an access key.

    ``policy`` (a document from ``policy.document(...)``) becomes the user's inline policy.
    """

    def new_user(stem: str, policy: str | None = None, groups: tuple[str, ...] = ()) -> Identity:
        name = unique_name(stem)
        arn = aws.iam.create_user(UserName=name)["User"]["Arn"]
        if policy:
            aws.iam.put_user_policy(UserName=name, PolicyName="inline", PolicyDocument=policy)
        for group in groups:
            aws.iam.add_user_to_group(GroupName=group, UserName=name)
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return Identity(
            name, arn, key["AccessKeyId"], key["SecretAccessKey"], aws.endpoint_url, aws.region
        )

    return new_user


@pytest.fixture
def new_group(aws, unique_name):
    """``new_group("developers", policy=None)`` -> the name of a new group."""

    def new_group(stem: str, policy: str | None = None) -> str:
        name = unique_name(stem)
        aws.iam.create_group(GroupName=name)
        if policy:
            aws.iam.put_group_policy(GroupName=name, PolicyName="inline", PolicyDocument=policy)
        return name

    return new_group
