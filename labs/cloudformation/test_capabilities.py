"""A stack that creates an IAM role must acknowledge it.

Templates that create IAM resources can change who may do what in the
account, so CloudFormation refuses them unless the caller passes a
capability: ``CAPABILITY_IAM`` for IAM resources, ``CAPABILITY_NAMED_IAM``
when they have custom names (``CAPABILITY_IAM`` alone is then not enough).
Without it: ``InsufficientCapabilitiesException``; with it, the stack is created.
A template with a macro, such as the SAM transform, is rewritten before it is
deployed: ``CreateStack`` runs it straight away only with ``CAPABILITY_AUTO_EXPAND``
(a change set lets you review the expansion first instead).

Notes, "cloudformation > cloudformatin capabilities".
"""

import json

import pytest
from botocore.exceptions import ClientError

from harness.testkit.iam import trust_policy

CAPABILITIES = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateStack.html"
)


def role_template(role_name: str | None = None) -> dict:
    properties: dict = {"AssumeRolePolicyDocument": trust_policy("ec2.amazonaws.com")}
    if role_name:
        properties["RoleName"] = role_name
    return {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": properties}}}


@pytest.mark.claim(
    "cloudformation.insufficient-capabilities",
    quote="InsufficientCapabilitiesException",
    source=CAPABILITIES,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto creates IAM resources without any capability; AWS refuses the stack"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates IAM resources without any capability; AWS refuses the stack",
)
def test_an_iam_role_without_a_capability_is_refused(aws, stacks, unique_name):
    template = json.dumps(role_template())
    with pytest.raises(ClientError) as refused:
        aws.cloudformation.create_stack(StackName=unique_name("stack"), TemplateBody=template)
    assert refused.value.response["Error"]["Code"] == "InsufficientCapabilitiesException"
    # HINT: which capability acknowledges an IAM role without a custom name?
    # BEGIN SOLUTION
    capabilities = ["CAPABILITY_IAM"]
    # END SOLUTION
    stack = stacks.create(role_template(), Capabilities=capabilities)
    assert stacks.status(stack) == "CREATE_COMPLETE"


@pytest.mark.claim(
    "cloudformation.named-iam",
    quote="CAPABILITY_NAMED_IAM & CAPABILITY_IAM",
    source=CAPABILITIES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a named IAM role with CAPABILITY_IAM alone; AWS refuses the stack "
    "(InsufficientCapabilitiesException) until CAPABILITY_NAMED_IAM is acknowledged",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates IAM resources without any capability; AWS refuses a named role "
    "without CAPABILITY_NAMED_IAM",
)
def test_a_named_role_needs_the_named_iam_capability(aws, stacks, unique_name, error_code):
    role_name = unique_name("app-role")
    template = json.dumps(role_template(role_name))
    create = aws.cloudformation.create_stack
    only_iam = error_code(
        create,
        StackName=unique_name("stack"),
        TemplateBody=template,
        Capabilities=["CAPABILITY_IAM"],
    )
    assert only_iam == "InsufficientCapabilitiesException", "CAPABILITY_IAM is not enough"
    # HINT: which capability acknowledges an IAM role with a custom RoleName?
    # BEGIN SOLUTION
    capabilities = ["CAPABILITY_NAMED_IAM"]
    # END SOLUTION
    stack = stacks.create(role_template(role_name), Capabilities=capabilities)
    assert stacks.status(stack) == "CREATE_COMPLETE"
    assert aws.iam.get_role(RoleName=role_name)["Role"]["RoleName"] == role_name


@pytest.mark.claim(
    "cloudformation.auto-expand",
    quote="CAPABILITY_AUTO_EXPAND",
    source=CAPABILITIES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto's CreateStack neither runs the SAM transform nor asks for "
    "CAPABILITY_AUTO_EXPAND: it skips the AWS::Serverless::SimpleTable and reports "
    "CREATE_COMPLETE; AWS refuses the stack (InsufficientCapabilitiesException)",
)
# moto's warning is the gap above, already reported with its reason.
@pytest.mark.filterwarnings("ignore:Tried to parse AWS..Serverless..SimpleTable:UserWarning")
def test_a_transform_needs_the_auto_expand_capability(aws, stacks, unique_name, error_code):
    template = {
        "Transform": "AWS::Serverless-2016-10-31",
        "Resources": {"Table": {"Type": "AWS::Serverless::SimpleTable"}},
    }
    body = json.dumps(template)
    create = aws.cloudformation.create_stack
    refused = error_code(create, StackName=unique_name("no-capability"), TemplateBody=body)
    assert refused == "InsufficientCapabilitiesException"
    # HINT: which capability lets CreateStack run a macro (the SAM transform) directly?
    # BEGIN SOLUTION
    capabilities = ["CAPABILITY_AUTO_EXPAND"]
    # END SOLUTION
    stack = stacks.create(template, Capabilities=capabilities)
    assert stacks.status(stack) == "CREATE_COMPLETE"
    resources = aws.cloudformation.describe_stack_resources(StackName=stack)["StackResources"]
    assert [r["ResourceType"] for r in resources] == ["AWS::DynamoDB::Table"]
