"""A VPC, its route tables, and what makes a subnet public or private.

A VPC is your private network in a region: a range of addresses (a CIDR
block from /16 to /28) cut into subnets, each in one Availability Zone. Every
VPC comes with a main route table holding one route, "local", that connects
its subnets to each other; a subnet without a table of its own uses the main
one. A subnet is *public* when its route table sends 0.0.0.0/0 to an internet
gateway and its instances get public addresses; otherwise it is *private*,
as every new subnet of a new VPC is.

Notes, "vpc > overview -- basics" and "vpc > internet gateway".
"""

import pytest

VPC_SIZING = "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-cidr-blocks.html"


@pytest.mark.claim("vpc.cidr-from-16-to-28", quote="vpc: private network", source=VPC_SIZING)
def test_a_vpc_takes_a_range_from_16_to_28(aws, name_tags, error_code):
    def answer(cidr: str) -> str | None:
        return error_code(
            aws.ec2.create_vpc, CidrBlock=cidr, TagSpecifications=name_tags("net", "vpc")
        )

    # HINT: predict CreateVpc's answer for each range: {cidr: None if it creates the VPC,
    # HINT: else the error code}.
    # BEGIN SOLUTION
    expected = {
        "10.0.0.0/15": "InvalidVpc.Range",
        "10.2.0.0/16": None,
        "10.3.0.0/28": None,
        "10.4.0.0/29": "InvalidVpc.Range",
    }
    # END SOLUTION
    assert {cidr: answer(cidr) for cidr in expected} == expected


@pytest.mark.claim("vpc.main-route-table-local-route", quote="route tables")
def test_a_new_subnet_uses_the_main_table_and_its_local_route(network, routes_of):
    # HINT: predict the routes of the table a new subnet of the new VPC (10.0.0.0/16)
    # HINT: uses: {destination: target}.
    # BEGIN SOLUTION
    expected = {"10.0.0.0/16": "local"}
    # END SOLUTION
    assert routes_of(network["subnet"]) == expected


@pytest.mark.claim("vpc.private-subnet-by-default", quote="private subnet", line=384)
def test_a_new_subnet_is_private(aws, network, launch, routes_of):
    subnet = aws.ec2.describe_subnets(SubnetIds=[network["subnet"]])["Subnets"][0]
    instance = launch(network["subnet"])
    # HINT: predict, for a new subnet of a new VPC: does it give instances public addresses
    # HINT: (MapPublicIpOnLaunch), and does an instance launched there get a public IP?
    # BEGIN SOLUTION
    maps_public_ips = False
    has_public_ip = False
    # END SOLUTION
    assert subnet["MapPublicIpOnLaunch"] is maps_public_ips
    assert ("PublicIpAddress" in instance) is has_public_ip
    assert "0.0.0.0/0" not in routes_of(network["subnet"]), "no way out to the internet"


@pytest.mark.claim("vpc.public-subnet-routes-to-an-igw", quote="public subnet", line=383)
def test_a_route_to_an_internet_gateway_makes_a_subnet_public(
    aws, network, launch, routes_of, name_tags
):
    vpc, subnet = network["vpc"], network["subnet"]
    gateway = aws.ec2.create_internet_gateway(
        TagSpecifications=name_tags("igw", "internet-gateway")
    )["InternetGateway"]["InternetGatewayId"]
    # HINT: make the subnet public: attach the gateway to the VPC, give the subnet a route
    # HINT: table of its own sending 0.0.0.0/0 to the gateway, and have its instances get
    # HINT: public addresses (modify_subnet_attribute).
    # BEGIN SOLUTION
    aws.ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=vpc)
    table = aws.ec2.create_route_table(
        VpcId=vpc, TagSpecifications=name_tags("public", "route-table")
    )["RouteTable"]["RouteTableId"]
    aws.ec2.create_route(RouteTableId=table, DestinationCidrBlock="0.0.0.0/0", GatewayId=gateway)
    aws.ec2.associate_route_table(RouteTableId=table, SubnetId=subnet)
    aws.ec2.modify_subnet_attribute(SubnetId=subnet, MapPublicIpOnLaunch={"Value": True})
    # END SOLUTION
    assert routes_of(subnet) == {"10.0.0.0/16": "local", "0.0.0.0/0": gateway}
    assert "PublicIpAddress" in launch(subnet)


@pytest.mark.claim("vpc.igw-serves-one-vpc", quote="internet gateway", line=386)
def test_an_internet_gateway_attaches_to_one_vpc(aws, make_vpc, name_tags, error_code):
    first, second = make_vpc("10.0.0.0/16"), make_vpc("10.1.0.0/16")
    gateway = aws.ec2.create_internet_gateway(
        TagSpecifications=name_tags("igw", "internet-gateway")
    )["InternetGateway"]["InternetGatewayId"]
    aws.ec2.attach_internet_gateway(InternetGatewayId=gateway, VpcId=first)
    # HINT: what does AttachInternetGateway answer for the second VPC? (None or the error code)
    # BEGIN SOLUTION
    expected = "Resource.AlreadyAssociated"
    # END SOLUTION
    answer = error_code(aws.ec2.attach_internet_gateway, InternetGatewayId=gateway, VpcId=second)
    assert answer == expected
