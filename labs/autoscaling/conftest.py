"""Shared fixtures for the Auto Scaling labs: a launch template, groups made from it,
and short ways to read a group's capacity and instances."""

from __future__ import annotations

import itertools

import pytest

from harness.testkit.images import amazon_linux


@pytest.fixture
def image_id(aws) -> str:
    """The newest Amazon Linux 2023 image owned by Amazon."""
    return amazon_linux(aws)["ImageId"]


@pytest.fixture
def default_network(aws) -> tuple[str, list[str]]:
    """(VPC id, two subnet ids in two Availability Zones): the region's default VPC, which
    has one default subnet per zone. One call: every test here starts with it."""
    found = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    by_zone = {subnet["AvailabilityZone"]: subnet for subnet in found["Subnets"]}
    chosen = [by_zone[zone] for zone in sorted(by_zone)[:2]]
    return chosen[0]["VpcId"], [subnet["SubnetId"] for subnet in chosen]


@pytest.fixture
def vpc_id(default_network) -> str:
    """The region's default VPC."""
    return default_network[0]


@pytest.fixture
def subnets(default_network) -> list[str]:
    """Two default subnets of the default VPC, in two Availability Zones."""
    return default_network[1]


@pytest.fixture
def launch_template(aws, unique_name, image_id) -> dict:
    """A new launch template: Amazon Linux 2023 on t3.micro (version 1). Its description."""
    return aws.ec2.create_launch_template(
        LaunchTemplateName=unique_name("web"),
        LaunchTemplateData={"ImageId": image_id, "InstanceType": "t3.micro"},
    )["LaunchTemplate"]


@pytest.fixture
def make_group(aws, unique_name, launch_template, subnets):
    """``make_group(desired=2, minimum=1, maximum=4, **extra)``: a new Auto Scaling group
    launching ``launch_template`` into the two subnets; its name."""
    numbers = itertools.count(1)

    def make_group(desired: int = 2, minimum: int = 1, maximum: int = 4, **extra) -> str:
        name = unique_name(f"group{next(numbers)}")
        extra.setdefault(
            "LaunchTemplate",
            {"LaunchTemplateId": launch_template["LaunchTemplateId"], "Version": "$Latest"},
        )
        aws.autoscaling.create_auto_scaling_group(
            AutoScalingGroupName=name,
            MinSize=minimum,
            MaxSize=maximum,
            DesiredCapacity=desired,
            VPCZoneIdentifier=",".join(subnets),
            **extra,
        )
        return name

    return make_group


@pytest.fixture
def group_of(aws):
    """``group_of(name)``: the group's description (DesiredCapacity, Instances...)."""

    def group_of(name: str) -> dict:
        groups = aws.autoscaling.describe_auto_scaling_groups(AutoScalingGroupNames=[name])
        return groups["AutoScalingGroups"][0]

    return group_of


@pytest.fixture
def in_service(group_of, eventually, scaling_timeout):
    """``in_service(name, count)``: waits until the group has ``count`` (at least 1)
    instances in service (a real group launches them within minutes); their descriptions."""

    def in_service(name: str, count: int) -> list[dict]:
        def running() -> list[dict] | None:
            instances = [
                instance
                for instance in group_of(name)["Instances"]
                if instance["LifecycleState"] == "InService"
            ]
            return instances if len(instances) == count else None

        return eventually(running, timeout=scaling_timeout)

    return in_service


@pytest.fixture
def scaling_timeout(aws_backend) -> float:
    """How long to wait for a scaling AWS starts in the background (an alarm's action,
    a scheduled action).

    A few times the backend's wait (on moto, ``eventually`` stops as soon as moto has
    nothing under way: what has not happened then never will).
    """
    return min(4 * aws_backend.settle_seconds, 120.0)
