"""A service role: CloudFormation acts with the role's permissions, not the deployer's.

``CreateStack`` takes a ``RoleARN``: a role that ``cloudformation.amazonaws.com``
may assume, holding the permissions the stack's resources need. The deployer
then needs only CloudFormation's own actions, plus ``iam:PassRole`` on that
role: handing a role to a service is itself a permission, so that nobody gets
more through a role than they have. Without it, CreateStack is refused
(AccessDenied); with it, the stack is created and CloudFormation keeps using
the role for every later operation on the stack.

Notes, "cloudformation > service role".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document, service_role

SERVICE_ROLE = (
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html"
)
QUEUE = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}


@pytest.fixture
def deployer(aws, unique_name):
    """``deployer(stem, policy)``: a CloudFormation client acting as a new IAM user."""

    def deployer(stem: str, policy: dict):
        name = unique_name(stem)
        aws.iam.create_user(UserName=name)
        document = json.dumps(policy)
        aws.iam.put_user_policy(UserName=name, PolicyName="deploy", PolicyDocument=document)
        key = aws.iam.create_access_key(UserName=name)["AccessKey"]
        return aws.session.client(
            "cloudformation",
            endpoint_url=aws.endpoint_url,
            region_name=aws.region,
            aws_access_key_id=key["AccessKeyId"],
            aws_secret_access_key=key["SecretAccessKey"],
        )

    return deployer


@pytest.mark.claim(
    "cloudformation.service-role-pass-role",
    quote="iam users with the iam role which include `iam:PassRole` permission",
    source=SERVICE_ROLE,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto checks the caller's cloudformation:CreateStack but never iam:PassRole: a user "
    "without it creates the stack with the service role; AWS refuses (AccessDenied)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's free edition does not enforce IAM policies (ENFORCE_IAM is a Pro "
    "feature), so the user without iam:PassRole creates the stack; AWS refuses it",
)
def test_passing_the_service_role_needs_iam_pass_role(
    aws, unique_name, deployer, enforce_iam, eventually, error_code
):
    role = service_role(aws.iam, unique_name("stack-role"), "cloudformation.amazonaws.com")
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[-1],
        PolicyName="make-queues",
        PolicyDocument=json.dumps(policy_document(allow("sqs:*"))),
    )
    cloudformation_only = policy_document(allow("cloudformation:*"))
    # HINT: the deployer's policy: CloudFormation's actions, and the permission to hand
    # the role `role` (and only it) to CloudFormation.
    # BEGIN SOLUTION
    with_pass_role = policy_document(allow("cloudformation:*"), allow("iam:PassRole", role))
    # END SOLUTION
    newcomer = deployer("newcomer", cloudformation_only)
    deploys = deployer("deployer", with_pass_role)
    enforce_iam()
    template = json.dumps(QUEUE)
    refused = error_code(
        newcomer.create_stack, StackName=unique_name("no-pass"), TemplateBody=template, RoleARN=role
    )
    assert refused == "AccessDenied"
    name = unique_name("with-role")
    deploys.create_stack(StackName=name, TemplateBody=template, RoleARN=role)

    def settled() -> dict | None:
        stack = deploys.describe_stacks(StackName=name)["Stacks"][0]
        return stack if stack["StackStatus"].endswith(("_COMPLETE", "_FAILED")) else None

    stack = eventually(settled)
    assert (stack["StackStatus"], stack["RoleARN"]) == ("CREATE_COMPLETE", role)
