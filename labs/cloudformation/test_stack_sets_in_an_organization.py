"""A stack set across an AWS Organization: deploy to organizational units, not accounts.

With *service-managed* permissions (``PermissionModel="SERVICE_MANAGED"``), a
stack set is run from the organization's management account (or a delegated
administrator) once trusted access with Organizations is activated; StackSets
creates the roles it needs in the member accounts by itself. Its targets are
organizational units (``DeploymentTargets``): every account in the OU gets a
stack instance, and an account in another OU gets none. Naming accounts alone,
as a self-managed stack set does, is refused.

The organization here is the emulator's own: on real AWS this lab would need
the management account of an organization, and it would create member accounts.

Notes, "cloudformation > stacksets".
"""

import json
from dataclasses import dataclass

import pytest

SERVICE_MANAGED = "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-associate-stackset-with-org.html"


@dataclass(frozen=True)
class Organization:
    apps: str  # an OU with one member account
    apps_account: str
    sandbox_account: str  # the member account of another OU


@pytest.fixture
def organization(aws, aws_backend, unique_name) -> Organization:
    """A new organization with two OUs, "apps" and "sandbox", and one member account in each."""
    if not aws_backend.emulated:
        pytest.skip(
            "needs the management account of an AWS Organization with trusted access for "
            "StackSets, and creates member accounts: run it on an emulator"
        )
    organizations = aws.organizations  # a backend without Organizations skips here
    organizations.create_organization(FeatureSet="ALL")
    root = organizations.list_roots()["Roots"][0]["Id"]
    accounts = {}
    for ou_name in ("apps", "sandbox"):
        ou = organizations.create_organizational_unit(ParentId=root, Name=ou_name)
        ou_id = ou["OrganizationalUnit"]["Id"]
        status = organizations.create_account(
            AccountName=unique_name(ou_name), Email=f"{unique_name(ou_name)}@example.com"
        )["CreateAccountStatus"]
        account = status["AccountId"]
        organizations.move_account(
            AccountId=account, SourceParentId=root, DestinationParentId=ou_id
        )
        accounts[ou_name] = (ou_id, account)
    return Organization(accounts["apps"][0], accounts["apps"][1], accounts["sandbox"][1])


@pytest.mark.claim(
    "cloudformation.stack-set-organization",
    quote="can be applied within an aws organization",
    source=SERVICE_MANAGED,
)
def test_a_service_managed_stack_set_deploys_to_every_account_of_an_ou(
    aws, organization, unique_name, eventually, error_code
):
    cloudformation = aws.cloudformation
    name = unique_name("baseline")
    template = {"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}
    cloudformation.create_stack_set(
        StackSetName=name,
        TemplateBody=json.dumps(template),
        PermissionModel="SERVICE_MANAGED",
        AutoDeployment={"Enabled": True, "RetainStacksOnAccountRemoval": False},
    )
    by_account = error_code(
        cloudformation.create_stack_instances,
        StackSetName=name,
        Accounts=[organization.apps_account],
        Regions=[aws.region],
    )
    assert by_account == "ValidationError", "a service-managed stack set targets OUs"
    # HINT: deploy the stack set, in this region, to the organizational unit
    # organization.apps (CreateStackInstances' DeploymentTargets).
    # BEGIN SOLUTION
    operation_id = cloudformation.create_stack_instances(
        StackSetName=name,
        DeploymentTargets={"OrganizationalUnitIds": [organization.apps]},
        Regions=[aws.region],
    )["OperationId"]
    # END SOLUTION

    def finished() -> str | None:
        operation = cloudformation.describe_stack_set_operation(
            StackSetName=name, OperationId=operation_id
        )["StackSetOperation"]
        return None if operation["Status"] in ("QUEUED", "RUNNING") else operation["Status"]

    assert eventually(finished) == "SUCCEEDED"
    listed = cloudformation.list_stack_instances(StackSetName=name)["Summaries"]
    assert {(instance["Account"], instance["Region"]) for instance in listed} == {
        (organization.apps_account, aws.region)
    }, "every account of the OU, and none of another OU"
