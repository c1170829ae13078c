"""Shared fixtures for the VPC labs: the default VPC, a new VPC with subnets, an Amazon Linux
image and a launcher, network ACLs and their entries."""

from __future__ import annotations

import pytest

from harness.testkit.images import amazon_linux

#: Short polls: a waiter's default (15 s between checks) would dwarf a LocalStack run.
QUICK = {"Delay": 1, "MaxAttempts": 120}


@pytest.fixture
def wait_for(aws):
    """``wait_for("nat_gateway_available", NatGatewayIds=[...])``: an EC2 waiter, polling
    every second. On moto the first poll finds the state; LocalStack and AWS take a moment."""

    def wait_for(state: str, config: dict | None = None, **ids) -> None:
        aws.ec2.get_waiter(state).wait(**ids, WaiterConfig=config or QUICK)

    return wait_for


@pytest.fixture
def vpc_id(aws) -> str:
    """The region's default VPC (every emulator and every account region has one)."""
    vpcs = aws.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    return vpcs[0]["VpcId"]


@pytest.fixture
def name_tags(unique_name):
    """``name_tags("web", "instance")``: a TagSpecifications list naming the resource.

    The Name tag carries the test's prefix, so a backend that cannot be reset
    finds and deletes the resource after the test.
    """

    def name_tags(stem: str, resource_type: str) -> list[dict]:
        tag = {"Key": "Name", "Value": unique_name(stem)}
        return [{"ResourceType": resource_type, "Tags": [tag]}]

    return name_tags


@pytest.fixture
def make_vpc(aws, name_tags, wait_for):
    """``make_vpc("10.0.0.0/16")``: a new VPC with that range, once available; its id."""

    def make_vpc(cidr: str) -> str:
        vpc = aws.ec2.create_vpc(CidrBlock=cidr, TagSpecifications=name_tags("net", "vpc"))
        wait_for("vpc_available", VpcIds=[vpc["Vpc"]["VpcId"]])
        return vpc["Vpc"]["VpcId"]

    return make_vpc


@pytest.fixture
def zone(aws) -> str:
    """The region's first Availability Zone, by name."""
    found = aws.ec2.describe_availability_zones(
        Filters=[{"Name": "zone-type", "Values": ["availability-zone"]}]
    )["AvailabilityZones"]
    return min(z["ZoneName"] for z in found)


@pytest.fixture
def make_subnet(aws, name_tags, zone, wait_for):
    """``make_subnet(vpc_id, "10.0.1.0/24")``: a new subnet of the first zone; its id."""

    def make_subnet(vpc: str, cidr: str) -> str:
        subnet = aws.ec2.create_subnet(
            VpcId=vpc,
            CidrBlock=cidr,
            AvailabilityZone=zone,
            TagSpecifications=name_tags("subnet", "subnet"),
        )["Subnet"]["SubnetId"]
        wait_for("subnet_available", SubnetIds=[subnet])
        return subnet

    return make_subnet


@pytest.fixture
def network(make_vpc, make_subnet) -> dict[str, str]:
    """A new VPC 10.0.0.0/16 with one subnet 10.0.1.0/24: {"vpc": id, "subnet": id}."""
    vpc = make_vpc("10.0.0.0/16")
    return {"vpc": vpc, "subnet": make_subnet(vpc, "10.0.1.0/24")}


@pytest.fixture
def routes_of(aws):
    """``routes_of(subnet_id)``: {destination: target} of the route table the subnet uses
    (its own, or the VPC's main table when it has none)."""

    def routes_of(subnet: str) -> dict[str, str]:
        tables = aws.ec2.describe_route_tables(
            Filters=[{"Name": "association.subnet-id", "Values": [subnet]}]
        )["RouteTables"]
        if not tables:
            vpc = aws.ec2.describe_subnets(SubnetIds=[subnet])["Subnets"][0]["VpcId"]
            tables = aws.ec2.describe_route_tables(
                Filters=[
                    {"Name": "vpc-id", "Values": [vpc]},
                    {"Name": "association.main", "Values": ["true"]},
                ]
            )["RouteTables"]
        [table] = tables
        return {
            route.get("DestinationCidrBlock") or route.get("DestinationPrefixListId"): next(
                route[key]
                for key in ("GatewayId", "NatGatewayId", "InstanceId", "VpcPeeringConnectionId")
                if key in route
            )
            for route in table["Routes"]
        }

    return routes_of


@pytest.fixture
def image_id(aws) -> str:
    """The newest Amazon Linux 2023 image owned by Amazon."""
    return amazon_linux(aws)["ImageId"]


@pytest.fixture
def launch(aws, image_id, name_tags, wait_for):
    """``launch(subnet_id, **extra)``: one running t3.micro in that subnet; describe_instances'
    view of it."""

    def launch(subnet: str, **extra) -> dict:
        instance_id = aws.ec2.run_instances(
            ImageId=image_id,
            InstanceType="t3.micro",
            MinCount=1,
            MaxCount=1,
            SubnetId=subnet,
            TagSpecifications=name_tags("server", "instance"),
            **extra,
        )["Instances"][0]["InstanceId"]
        wait_for("instance_running", InstanceIds=[instance_id])
        return aws.ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0][
            "Instances"
        ][0]

    return launch


@pytest.fixture
def network_acl(aws, vpc_id, name_tags) -> str:
    """A new custom network ACL in the default VPC: its id."""
    return aws.ec2.create_network_acl(
        VpcId=vpc_id, TagSpecifications=name_tags("subnet-acl", "network-acl")
    )["NetworkAcl"]["NetworkAclId"]


@pytest.fixture
def acl_entries(aws):
    """``acl_entries(acl_id, egress)``: ``[(rule number, action, protocol, ports)]``, in order."""

    def acl_entries(acl_id: str, egress: bool) -> list[tuple]:
        acl = aws.ec2.describe_network_acls(NetworkAclIds=[acl_id])["NetworkAcls"][0]
        return sorted(
            (
                entry["RuleNumber"],
                entry["RuleAction"],
                entry["Protocol"],
                (entry.get("PortRange", {}).get("From"), entry.get("PortRange", {}).get("To")),
            )
            for entry in acl["Entries"]
            if entry["Egress"] == egress
        )

    return acl_entries
