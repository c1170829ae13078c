"""Shared fixtures for the EC2 labs: the default VPC, an Amazon Linux image, a launcher,
and an HTTP client for the instance metadata service."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from harness.testkit.images import amazon_linux


@pytest.fixture
def vpc_id(aws) -> str:
    """The region's default VPC (every emulator and every account region has one)."""
    vpcs = aws.ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"]
    return vpcs[0]["VpcId"]


@pytest.fixture
def image_id(aws) -> str:
    """The newest Amazon Linux 2023 image owned by Amazon."""
    return amazon_linux(aws)["ImageId"]


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
def launch(aws, image_id, name_tags):
    """``launch(**extra)``: run one t3.micro instance of ``image_id``; its id.

    ``extra`` are other RunInstances arguments (UserData, MetadataOptions, ...).
    """

    def launch(**extra) -> str:
        reservation = aws.ec2.run_instances(
            ImageId=image_id,
            InstanceType="t3.micro",
            MinCount=1,
            MaxCount=1,
            TagSpecifications=name_tags("web", "instance"),
            **extra,
        )
        return reservation["Instances"][0]["InstanceId"]

    return launch


class InstanceMetadata:
    """Plain HTTP to the instance metadata service (IMDS), as a program on an instance sends it.

    No AWS credentials, no signature: IMDS answers whoever is on the instance.
    ``base_url`` is http://169.254.169.254 on AWS; an emulator serves its stand-in
    on its own endpoint.
    """

    TOKEN_TTL_HEADER = "X-aws-ec2-metadata-token-ttl-seconds"
    TOKEN_HEADER = "X-aws-ec2-metadata-token"

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/")

    def request(self, method: str, path: str, headers: dict | None = None) -> tuple[int, str]:
        """``(status, body)`` of one request, ``path`` like ``/latest/meta-data/instance-id``."""
        request = urllib.request.Request(self.base_url + path, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def get(self, path: str) -> str:
        """The body at ``path``, read the IMDSv2 way (a session token first); asserts 200."""
        status, token = self.request("PUT", "/latest/api/token", {self.TOKEN_TTL_HEADER: "60"})
        assert status == 200, f"PUT /latest/api/token answered {status}: {token[:200]}"
        status, body = self.request("GET", path, {self.TOKEN_HEADER: token})
        assert status == 200, f"GET {path} answered {status}: {body[:200]}"
        return body


@pytest.fixture
def imds(aws) -> InstanceMetadata:
    """The instance metadata service of "the instance this code runs on": the emulator's stand-in.

    On real AWS, IMDS answers only inside an instance, so these labs skip there.
    """
    if aws.endpoint_url is None:
        pytest.skip(
            "the instance metadata service answers only inside an EC2 instance "
            "(http://169.254.169.254); these labs read an emulator's stand-in"
        )
    return InstanceMetadata(aws.endpoint_url)
