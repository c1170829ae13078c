"""IAM policy documents a lab needs again and again: trust policies, allow and deny.

Every role a service assumes (a Lambda function's, a state machine's, a
task's, a stack set's) needs a trust policy naming who may assume it; every
permission a lab grants is an Allow statement. Written once here::

    from harness.testkit.iam import service_role, trust_policy

    role_arn = service_role(aws.iam, unique_name("states"), "states.amazonaws.com")
    template_role = {"AssumeRolePolicyDocument": trust_policy("ec2.amazonaws.com")}

Plain functions over dictionaries (``json.dumps`` them for an API that takes
text); no pytest needed.
"""

from __future__ import annotations

import json

VERSION = "2012-10-17"


def policy_document(*statements: dict) -> dict:
    """A policy document from its statements."""
    return {"Version": VERSION, "Statement": list(statements)}


def allow(action: str | list[str], resource: str = "*", **extra: object) -> dict:
    """An Allow statement: ``allow("sqs:SendMessage", queue_arn, Principal=...)``."""
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: str | list[str], resource: str = "*", **extra: object) -> dict:
    """A Deny statement, as ``allow``."""
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def trust_policy(*services: str, principal: dict | None = None) -> dict:
    """The trust policy of a role that ``services`` (``"lambda.amazonaws.com"``) may assume.

    ``principal`` names another kind of principal instead, for example
    ``{"AWS": "arn:aws:iam::123456789012:root"}`` for an account.
    """
    if bool(services) == (principal is not None):
        raise TypeError("trust_policy() takes the services, or principal=, not both nor neither")
    who = principal if principal is not None else {"Service": _one_or_list(services)}
    return policy_document({"Effect": "Allow", "Principal": who, "Action": "sts:AssumeRole"})


def identity_pool_trust(identity_pool: str, amr: str = "authenticated") -> dict:
    """The trust policy of a role that identities of a Cognito identity pool may assume:
    its signed-in users' (``amr`` "authenticated") or its guests' ("unauthenticated")."""
    return policy_document(
        {
            "Effect": "Allow",
            "Principal": {"Federated": "cognito-identity.amazonaws.com"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {
                "StringEquals": {"cognito-identity.amazonaws.com:aud": identity_pool},
                "ForAnyValue:StringLike": {"cognito-identity.amazonaws.com:amr": amr},
            },
        }
    )


def service_role(iam, name: str, *services: str) -> str:
    """Create a role named ``name`` that ``services`` may assume; its ARN.

    ``iam`` is a boto3 IAM client (``aws.iam``); name it with ``unique_name``
    so that a backend that cannot be reset sweeps it after the test.
    """
    document = json.dumps(trust_policy(*services))
    return iam.create_role(RoleName=name, AssumeRolePolicyDocument=document)["Role"]["Arn"]


def _one_or_list(values: tuple[str, ...]) -> str | list[str]:
    return values[0] if len(values) == 1 else list(values)
