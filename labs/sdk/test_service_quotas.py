"""Service quotas: how much of a resource an account may have, and what happens past it.

Every AWS account has quotas (once called service limits): so many VPCs per
Region, so many IPv4 CIDR blocks per VPC, two access keys per IAM user...
The Service Quotas API lists them per service, with their default value and
whether AWS raises them on request (``Adjustable``). A call past a quota is
refused by the service with an error of its own, ``...LimitExceeded``:
nothing the SDK retries, as it would fail again until the quota is raised.

The network team adds address ranges to a VPC as it grows. The quota "IPv4
CIDR blocks per VPC" (``L-83CA0A9D``) says how many: the last one allowed is
accepted, the next refused. This lab needs the emulator (Service Quotas, EC2).

Notes, "aws cli sdk and iam roles and policies > aws limits (quotas)".
"""

from __future__ import annotations

import pytest

SERVICE_QUOTAS = "https://docs.aws.amazon.com/servicequotas/2019-06-24/apireference/API_ListAWSDefaultServiceQuotas.html"
VPC_QUOTAS = "https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html"

CIDR_BLOCKS_PER_VPC = "L-83CA0A9D"


@pytest.mark.claim(
    "sdk.service-quotas",
    quote="service quotas (service limits)",
    source=VPC_QUOTAS,
)
def test_a_vpc_takes_as_many_cidr_blocks_as_its_quota(aws, error_code):
    # HINT: read the default value of the VPC quota CIDR_BLOCKS_PER_VPC from the Service Quotas
    # HINT: API (ListAWSDefaultServiceQuotas for the service "vpc"); keep it in `quota` (an int).
    # BEGIN SOLUTION
    pages = aws.service_quotas.get_paginator("list_aws_default_service_quotas")
    quota = next(
        int(entry["Value"])
        for page in pages.paginate(ServiceCode="vpc")
        for entry in page["Quotas"]
        if entry["QuotaCode"] == CIDR_BLOCKS_PER_VPC
    )
    # END SOLUTION
    assert quota == 5
    vpc = aws.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]  # the first block
    for block in range(1, quota):
        aws.ec2.associate_vpc_cidr_block(VpcId=vpc, CidrBlock=f"10.{block}.0.0/16")
    blocks = aws.ec2.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["CidrBlockAssociationSet"]
    assert len(blocks) == quota
    one_more = error_code(
        aws.ec2.associate_vpc_cidr_block, VpcId=vpc, CidrBlock=f"10.{quota}.0.0/16"
    )
    assert one_more == "CidrLimitExceeded"
