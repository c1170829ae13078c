"""A stack that creates an IAM role must acknowledge it.

Templates that create IAM resources can change who may do what in the
account, so CloudFormation refuses them unless the caller passes a
capability: ``CAPABILITY_IAM`` for IAM resources, ``CAPABILITY_NAMED_IAM``
when they have custom names. Without it: ``InsufficientCapabilitiesException``.

Notes, "cloudformation > cloudformatin capabilities".
"""

import json

import pytest
from botocore.exceptions import ClientError

from harness.testkit.iam import trust_policy


def role_template(role_name: str | None = None) -> dict:
    properties: dict = {"AssumeRolePolicyDocument": trust_policy("ec2.amazonaws.com")}
    if role_name:
        properties["RoleName"] = role_name
    return {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": properties}}}


@pytest.mark.claim(
    "cloudformation.insufficient-capabilities", quote="InsufficientCapabilitiesException"
)
@pytest.mark.emulator_gap(
    "moto", reason="moto creates IAM resources without any capability; AWS refuses the stack"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates IAM resources without any capability; AWS refuses the stack",
)
def test_an_iam_role_without_a_capability_is_refused(aws, unique_name):
    with pytest.raises(ClientError) as refused:
        aws.cloudformation.create_stack(
            StackName=unique_name("stack"), TemplateBody=json.dumps(role_template())
        )
    assert refused.value.response["Error"]["Code"] == "InsufficientCapabilitiesException"


@pytest.mark.claim("cloudformation.named-iam", quote="CAPABILITY_NAMED_IAM & CAPABILITY_IAM")
def test_a_named_role_needs_the_named_iam_capability(aws, stacks, unique_name):
    role_name = unique_name("app-role")
    # HINT: which capability acknowledges an IAM role with a custom RoleName?
    # BEGIN SOLUTION
    capabilities = ["CAPABILITY_NAMED_IAM"]
    # END SOLUTION
    stack = stacks.create(role_template(role_name), Capabilities=capabilities)
    assert stacks.status(stack) == "CREATE_COMPLETE"
    assert aws.iam.get_role(RoleName=role_name)["Role"]["RoleName"] == role_name
