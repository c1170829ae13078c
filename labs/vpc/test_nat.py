"""NAT: a private subnet's way out to the internet, and no way in.

Instances of a private subnet have no public address. To reach the internet
(updates, external APIs) they send 0.0.0.0/0 to a NAT gateway, which sits in
a public subnet and goes out with an Elastic IP address of its own; nothing
from the internet can open a connection back in. A NAT gateway is managed by
AWS. The older way is a NAT instance you manage yourself: an instance
forwarding traffic that is not addressed to it, so its source/destination
check (on for every instance by default) must be turned off.

Notes, "vpc > nat gateway (or nat instances:self-managed)".
"""

import pytest

NAT = "nat gateway (or nat instances:self-managed)"


@pytest.fixture
def public_and_private(aws, network, make_subnet, name_tags) -> dict[str, str]:
    """The network's subnet made public (a route to an internet gateway), and a second,
    private subnet 10.0.2.0/24 with its own route table: {"public", "private", "private_table"}."""
    vpc = network["vpc"]
    gateway = aws.ec2.create_internet_gateway(
        TagSpecifications=name_tags("igw", "internet-gateway")
    )["InternetGateway"]["InternetGatewayId"]
    aws.ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc)
    tables = {}
    for name in ("public", "private"):
        tables[name] = aws.ec2.create_route_table(
            VpcId=vpc, TagSpecifications=name_tags(name, "route-table")
        )["RouteTable"]["RouteTableId"]
    aws.ec2.create_route(
        RouteTableId=tables["public"], DestinationCidrBlock="0.0.0.0/0", GatewayId=gateway
    )
    aws.ec2.associate_route_table(RouteTableId=tables["public"], SubnetId=network["subnet"])
    private = make_subnet(vpc, "10.0.2.0/24")
    aws.ec2.associate_route_table(RouteTableId=tables["private"], SubnetId=private)
    return {"public": network["subnet"], "private": private, "private_table": tables["private"]}


@pytest.mark.claim("vpc.nat-gateway-elastic-ip", quote=NAT)
def test_a_private_subnet_goes_out_through_a_nat_gateway(
    aws, public_and_private, routes_of, name_tags, wait_for
):
    address = aws.ec2.allocate_address(Domain="vpc")
    # HINT: create a NAT gateway in the public subnet, going out with the Elastic IP
    # HINT: `address`; wait until it is available; then send the private subnet's
    # HINT: internet-bound traffic (its table: public_and_private["private_table"]) to it.
    # HINT: Name the gateway's id `nat`.
    # BEGIN SOLUTION
    nat = aws.ec2.create_nat_gateway(
        SubnetId=public_and_private["public"],
        AllocationId=address["AllocationId"],
        TagSpecifications=name_tags("nat", "natgateway"),
    )["NatGateway"]["NatGatewayId"]
    wait_for("nat_gateway_available", NatGatewayIds=[nat])
    aws.ec2.create_route(
        RouteTableId=public_and_private["private_table"],
        DestinationCidrBlock="0.0.0.0/0",
        NatGatewayId=nat,
    )
    # END SOLUTION
    found = aws.ec2.describe_nat_gateways(NatGatewayIds=[nat])["NatGateways"][0]
    assert found["SubnetId"] == public_and_private["public"], (
        "a NAT gateway lives in a public subnet"
    )
    assert [a["PublicIp"] for a in found["NatGatewayAddresses"]] == [address["PublicIp"]]
    assert routes_of(public_and_private["private"])["0.0.0.0/0"] == nat


@pytest.mark.claim("vpc.nat-instance-source-dest-check", quote=NAT)
def test_a_nat_instance_needs_its_source_destination_check_off(
    aws, public_and_private, launch, routes_of
):
    nat_instance = launch(public_and_private["public"])["InstanceId"]

    def checks() -> bool:
        answer = aws.ec2.describe_instance_attribute(
            InstanceId=nat_instance, Attribute="sourceDestCheck"
        )
        return answer["SourceDestCheck"]["Value"]

    assert checks() is True, "every instance drops traffic not addressed to it, by default"
    # HINT: let the instance forward others' traffic, and route the private subnet's
    # HINT: internet-bound traffic (table public_and_private["private_table"]) through it.
    # BEGIN SOLUTION
    aws.ec2.modify_instance_attribute(InstanceId=nat_instance, SourceDestCheck={"Value": False})
    aws.ec2.create_route(
        RouteTableId=public_and_private["private_table"],
        DestinationCidrBlock="0.0.0.0/0",
        InstanceId=nat_instance,
    )
    # END SOLUTION
    assert checks() is False
    assert routes_of(public_and_private["private"])["0.0.0.0/0"] == nat_instance
