"""Shared fixtures for the streaming labs: subnets for the Kafka clusters that live in a VPC."""

from __future__ import annotations

import pytest


@pytest.fixture
def two_subnets(aws) -> list[str]:
    """Two subnets of the default VPC, in two Availability Zones: their IDs."""
    subnets = aws.ec2.describe_subnets(Filters=[{"Name": "default-for-az", "Values": ["true"]}])
    by_zone = {subnet["AvailabilityZone"]: subnet["SubnetId"] for subnet in subnets["Subnets"]}
    return sorted(by_zone.values())[:2]
