"""Shared fixtures for the load balancing labs: the default VPC's subnets, load balancers
of each type, target groups, attributes as dicts, and TLS certificates."""

from __future__ import annotations

import itertools

import pytest

from harness.testkit.tls import self_signed as self_signed_certificate


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
def load_balancer(aws, unique_name, subnets):
    """``load_balancer("application"|"network"|"gateway", **extra)``: a new load balancer
    in the two subnets (unless ``extra`` names its own); its description."""

    numbers = itertools.count(1)

    def load_balancer(kind: str = "application", **extra) -> dict:
        if "SubnetMappings" not in extra:
            extra.setdefault("Subnets", subnets)
        name = unique_name(f"{kind[:3]}{next(numbers)}")
        created = aws.elbv2.create_load_balancer(Name=name, Type=kind, **extra)
        return created["LoadBalancers"][0]

    return load_balancer


@pytest.fixture
def target_group(aws, unique_name, vpc_id):
    """``target_group(protocol, port, **extra)``: a new target group in the default VPC;
    its description. ``target_group(None, TargetType="lambda")`` for a Lambda target group."""

    numbers = itertools.count(1)

    def target_group(protocol: str | None = "HTTP", port: int = 80, **extra) -> dict:
        if protocol is not None:
            extra.update(Protocol=protocol, Port=port, VpcId=vpc_id)
        name = unique_name(f"tg{next(numbers)}")
        created = aws.elbv2.create_target_group(Name=name, **extra)
        return created["TargetGroups"][0]

    return target_group


@pytest.fixture
def lb_attributes(aws):
    """``lb_attributes(load_balancer_arn)``: its attributes, ``{key: value}``."""

    def lb_attributes(arn: str) -> dict[str, str]:
        found = aws.elbv2.describe_load_balancer_attributes(LoadBalancerArn=arn)["Attributes"]
        return {attribute["Key"]: attribute["Value"] for attribute in found}

    return lb_attributes


@pytest.fixture
def tg_attributes(aws):
    """``tg_attributes(target_group_arn)``: its attributes, ``{key: value}``."""

    def tg_attributes(arn: str) -> dict[str, str]:
        found = aws.elbv2.describe_target_group_attributes(TargetGroupArn=arn)["Attributes"]
        return {attribute["Key"]: attribute["Value"] for attribute in found}

    return tg_attributes


@pytest.fixture
def forward_to():
    """``forward_to(target_group)``: a listener's DefaultActions sending everything there."""
    return lambda group: [{"Type": "forward", "TargetGroupArn": group["TargetGroupArn"]}]


@pytest.fixture
def self_signed():
    """``self_signed("shop.example.com", key_type="rsa")``: (certificate, private key), PEM."""
    return self_signed_certificate


@pytest.fixture
def certificate(aws):
    """``certificate("shop.example.com")``: the ARN of a certificate for that domain, held
    by ACM (imported: a requested one waits for domain validation, which no lab can give)."""

    def certificate(domain: str) -> str:
        body, key = self_signed_certificate(domain)
        return aws.acm.import_certificate(Certificate=body, PrivateKey=key)["CertificateArn"]

    return certificate
