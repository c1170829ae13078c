"""A function in your VPC: subnets and security groups.

A function runs in a VPC that Lambda owns, not in yours: it reaches the
internet and public AWS endpoints, but not your private resources (an RDS
database in a private subnet). To reach them, give it a ``VpcConfig``: your
subnets and security groups, both or neither (subnets alone are refused).
Lambda then creates network interfaces (ENIs) in those subnets, which is why
the execution role needs the EC2 network interface permissions (the AWS
managed ``AWSLambdaVPCAccessExecutionRole``).

A function in a VPC can also mount an EFS file system, always through one
of its access points (never the file system's own ARN), reached through a
mount target in the function's subnet; outside a VPC, no mount is accepted.

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


@pytest.fixture
def network_role(aws, role) -> str:
    """The functions' role, allowed to manage the network interfaces a VPC function needs."""
    aws.iam.put_role_policy(
        RoleName=role.rsplit("/", 1)[1],
        PolicyName="network-interfaces",
        PolicyDocument=json.dumps(policy_document(allow(ENI_ACTIONS))),
    )
    return role


@pytest.mark.claim(
    "lambda.vpc-needs-subnets-and-security-groups",
    quote="then must specify subnet and sg",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores subnets without security groups; AWS refuses them "
    "(InvalidParameterValueException: SubnetIds and SecurityIds must coexist or be both empty)",
)
def test_subnets_come_with_security_groups(network_role, deploy, private_network, error_code):
    subnets_only = {"SubnetIds": [private_network["subnet"]], "SecurityGroupIds": []}
    # HINT: predict whether Lambda takes subnets without a security group (True or False).
    # BEGIN SOLUTION
    accepted = False
    # END SOLUTION
    refused = error_code(deploy, SOURCE, VpcConfig=subnets_only)
    assert (refused is None, refused) == (accepted, "InvalidParameterValueException")
    both = {**subnets_only, "SecurityGroupIds": [private_network["security_group"]]}
    assert deploy(SOURCE, VpcConfig=both)


@pytest.mark.claim(
    "lambda.efs-from-a-vpc",
    quote="if lambda is in a vpc, then it can access efs",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-filesystem.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts FileSystemConfigs in a VPC or not and drops them (the configuration "
    "lists none); AWS keeps the mount of a function in a VPC and refuses it outside one "
    "(InvalidParameterValueException)",
)
def test_a_function_reaches_efs_only_from_a_vpc(
    aws, network_role, deploy, private_network, eventually, error_code
):
    aws.iam.put_role_policy(
        RoleName=network_role.rsplit("/", 1)[1],
        PolicyName="mount-files",
        PolicyDocument=json.dumps(
            policy_document(
                allow(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"])
            )
        ),
    )
    system = aws.efs.create_file_system(CreationToken="receipts")["FileSystemId"]
    eventually(
        lambda: (
            aws.efs.describe_file_systems(FileSystemId=system)["FileSystems"][0]["LifeCycleState"]
            == "available"
        ),
        aws_takes=120,
    )
    # The file system is reached through a mount target in the function's subnet.
    target = aws.efs.create_mount_target(
        FileSystemId=system,
        SubnetId=private_network["subnet"],
        SecurityGroups=[private_network["security_group"]],
    )["MountTargetId"]
    eventually(
        lambda: (
            aws.efs.describe_mount_targets(MountTargetId=target)["MountTargets"][0][
                "LifeCycleState"
            ]
            == "available"
        ),
        aws_takes=300,
    )
    point = aws.efs.create_access_point(FileSystemId=system)["AccessPointArn"]
    mount = [{"Arn": point, "LocalMountPath": "/mnt/receipts"}]
    vpc_config = None
    # HINT: the VpcConfig that lets the function mount `point`: private_network's subnet,
    # HINT: behind its security group.
    # BEGIN SOLUTION
    vpc_config = {
        "SubnetIds": [private_network["subnet"]],
        "SecurityGroupIds": [private_network["security_group"]],
    }
    # END SOLUTION
    inside = deploy(SOURCE, VpcConfig=vpc_config, FileSystemConfigs=mount)
    assert aws.lambda_.get_function_configuration(FunctionName=inside)["FileSystemConfigs"] == mount
    assert error_code(deploy, SOURCE, FileSystemConfigs=mount) == "InvalidParameterValueException"
