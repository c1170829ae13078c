"""A security group guards a network interface, not a subnet.

A network ACL is attached to a subnet and filters everything entering or
leaving it. A security group is attached to an elastic network interface
(ENI): an instance's primary interface carries the groups it was launched
with, and an interface you create on its own (for a second address, a
failover address...) carries its own groups, changeable at any time.

Notes, "vpc > NACL & security group".
"""

import pytest


@pytest.mark.claim(
    "vpc.security-group-on-an-eni", quote="security group: only allow; ec2 instance/ENI; stateful"
)
def test_a_network_interface_carries_its_own_security_groups(
    aws, network, launch, unique_name, name_tags
):
    def group(stem: str) -> str:
        return aws.ec2.create_security_group(
            GroupName=unique_name(stem), Description="awslab", VpcId=network["vpc"]
        )["GroupId"]

    web, admin = group("web"), group("admin")
    instance = launch(network["subnet"], SecurityGroupIds=[web])
    [primary] = instance["NetworkInterfaces"]
    assert [g["GroupId"] for g in primary["Groups"]] == [web], "the instance's groups are its ENI's"
    interface = aws.ec2.create_network_interface(
        SubnetId=network["subnet"],
        Groups=[web],
        TagSpecifications=name_tags("eni", "network-interface"),
    )["NetworkInterface"]["NetworkInterfaceId"]
    # HINT: guard the new interface with the admin group instead of the web group.
    # BEGIN SOLUTION
    aws.ec2.modify_network_interface_attribute(NetworkInterfaceId=interface, Groups=[admin])
    # END SOLUTION
    found = aws.ec2.describe_network_interfaces(NetworkInterfaceIds=[interface])
    assert [g["GroupId"] for g in found["NetworkInterfaces"][0]["Groups"]] == [admin]
    again = aws.ec2.describe_network_interfaces(NetworkInterfaceIds=[primary["NetworkInterfaceId"]])
    assert [g["GroupId"] for g in again["NetworkInterfaces"][0]["Groups"]] == [web]
