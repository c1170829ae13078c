"""Shared fixtures for the EC2 labs: the default VPC, an Amazon Linux image, a launcher."""

from __future__ import annotations

import pytest


@pytest.fixture
def vpc_id(aws) -> str:
    """The region's default VPC (every emulator and every account region has one)."""
    vpcs = aws.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    return vpcs[0]["VpcId"]


@pytest.fixture(scope="session")
def _image_ids() -> dict[str, str]:
    """Image ids found so far, by endpoint: public images do not change during a run."""
    return {}


@pytest.fixture
def image_id(aws, _image_ids) -> str:
    """An Amazon Linux image owned by Amazon."""
    key = aws.endpoint_url or aws.region
    if key not in _image_ids:
        images = aws.ec2.describe_images(
            Owners=["amazon"], Filters=[{"Name": "name", "Values": ["al2023-ami-*x86_64"]}]
        )["Images"]
        if not images:
            images = aws.ec2.describe_images(Owners=["amazon"])["Images"]
        _image_ids[key] = images[0]["ImageId"]
    return _image_ids[key]


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
def security_group(aws, unique_name, vpc_id) -> str:
    """A new, untouched security group in the default VPC: its id."""
    return aws.ec2.create_security_group(
        GroupName=unique_name("web"), Description="awslab web servers", VpcId=vpc_id
    )["GroupId"]


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
