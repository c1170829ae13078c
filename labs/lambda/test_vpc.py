"""A function in your VPC: subnets and security groups.

A function runs in a VPC that Lambda owns, not in yours: it reaches the
internet and public AWS endpoints, but not your private resources (an RDS
database in a private subnet). To reach them, give it a ``VpcConfig``: your
subnets and security groups. Lambda then creates network interfaces (ENIs) in
those subnets, which is why the execution role needs the EC2 network
interface permissions (the AWS managed ``AWSLambdaVPCAccessExecutionRole``).

A function in a VPC can also mount an EFS file system, always through one
of its access points (never the file system's own ARN).

Notes, "lambda > lambda with VPC" and "lambda file system mounting".
"""

import json

import pytest

from harness.testkit.iam import allow, policy_document

SOURCE = """
    def handler(event, context):
        return "inside"
"""
ENI_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DeleteNetworkInterface",
    "ec2:AssignPrivateIpAddresses",
    "ec2:UnassignPrivateIpAddresses",
]


@pytest.fixture
def private_network(aws, unique_name) -> dict:
    """A new VPC's subnet and security group: ``{"subnet", "security_group"}``."""
    vpc = aws.ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    subnet = aws.ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24")["Subnet"]["SubnetId"]
    group = aws.ec2.create_security_group(
        GroupName=unique_name("fn-sg"), Description="the function's", VpcId=vpc
    )["GroupId"]
    return {"subnet": subnet, "security_group": group}


@pytest.mark.claim(
    "lambda.outside-your-vpc-by-default",
    quote="by default, a lambda is outside of your vpc, in the aws-owned vpc",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
)
def test_a_function_joins_your_vpc_only_when_given_subnets(
    aws, deploy, role, private_network, settled
):
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="network-interfaces",
        PolicyDocument=json.dumps(policy_document(allow(ENI_ACTIONS))),
    )
    outside = settled(deploy(SOURCE))
    assert not (outside.get("VpcConfig") or {}).get("SubnetIds"), "no subnet of yours"
    vpc_config = None
    # HINT: the VpcConfig that puts a function in private_network's subnet, behind its
    # HINT: security group.
    # BEGIN SOLUTION
    vpc_config = {
        "SubnetIds": [private_network["subnet"]],
        "SecurityGroupIds": [private_network["security_group"]],
    }
    # END SOLUTION
    inside = settled(deploy(SOURCE, VpcConfig=vpc_config))
    assert inside["VpcConfig"]["SubnetIds"] == [private_network["subnet"]]
    assert inside["VpcConfig"]["SecurityGroupIds"] == [private_network["security_group"]]


@pytest.mark.claim(
    "lambda.efs-needs-vpc-and-access-point",
    quote="must use efs access point",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores any FileSystemConfigs; AWS takes only an EFS access point's ARN "
    "(ValidationException) from a function in a VPC (InvalidParameterValueException)",
)
def test_a_function_mounts_an_access_point_from_inside_a_vpc(
    aws, deploy, private_network, error_code
):
    system = aws.efs.create_file_system(CreationToken="orders-files")
    point = aws.efs.create_access_point(FileSystemId=system["FileSystemId"])["AccessPointArn"]
    vpc_config = {
        "SubnetIds": [private_network["subnet"]],
        "SecurityGroupIds": [private_network["security_group"]],
    }
    # HINT: which ARN does a function's FileSystemConfigs name: system["FileSystemArn"] or
    # HINT: point? (mounted at /mnt/orders)
    # BEGIN SOLUTION
    mounted = point
    # END SOLUTION
    mount = [{"Arn": mounted, "LocalMountPath": "/mnt/orders"}]
    outside_vpc = error_code(deploy, SOURCE, FileSystemConfigs=mount)
    assert outside_vpc == "InvalidParameterValueException", "EFS is reached from a VPC"
    whole_system = [{"Arn": system["FileSystemArn"], "LocalMountPath": "/mnt/orders"}]
    assert error_code(deploy, SOURCE, FileSystemConfigs=whole_system, VpcConfig=vpc_config) == (
        "ValidationException"
    )
    assert point.endswith(mounted.rsplit("/", 1)[1])
