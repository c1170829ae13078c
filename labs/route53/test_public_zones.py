"""Public and private hosted zones: who can ask for the shop's records.

The shop's website lives in a *public* hosted zone: Route 53 gives it four
name servers (its delegation set), which the domain's registrar lists so the
whole Internet can find them. Its back office lives in a *private* hosted
zone: associated with the VPCs that may query it (through their Route 53
Resolver), with no public name servers at all; creating one names a VPC.

Notes, "route53 > hosted zones".
"""

import pytest

CREATE_HOSTED_ZONE = (
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateHostedZone.html"
)


@pytest.mark.claim("route53.public-zone", quote="public", line=315, source=CREATE_HOSTED_ZONE)
def test_a_public_zone_has_four_name_servers(aws, unique_name):
    created = aws.route53.create_hosted_zone(
        Name=f"{unique_name('shop')}.example.com.", CallerReference=unique_name("zone")
    )
    assert created["HostedZone"]["Config"]["PrivateZone"] is False
    # HINT: how many name servers does Route 53 give a public zone (for the registrar)?
    # BEGIN SOLUTION
    name_servers = 4
    # END SOLUTION
    assert len(created["DelegationSet"]["NameServers"]) == name_servers


@pytest.mark.claim("route53.private-zone", quote="private", line=316, source=CREATE_HOSTED_ZONE)
def test_a_private_zone_answers_only_its_vpcs(aws, unique_name):
    vpc = aws.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    in_vpc = {"VPCRegion": aws.region, "VPCId": vpc}
    # HINT: create a private hosted zone named back-office.internal. (unique_name it) that the
    # HINT: VPC `in_vpc` may query; keep CreateHostedZone's answer in `created`.
    # BEGIN SOLUTION
    created = aws.route53.create_hosted_zone(
        Name=f"{unique_name('back-office')}.internal.",
        CallerReference=unique_name("private-zone"),
        VPC=in_vpc,
        HostedZoneConfig={"Comment": "the back office, for the VPC only", "PrivateZone": True},
    )
    # END SOLUTION
    zone = aws.route53.get_hosted_zone(Id=created["HostedZone"]["Id"])
    assert zone["HostedZone"]["Config"]["PrivateZone"] is True
    assert zone["VPCs"] == [in_vpc]
    assert "DelegationSet" not in zone, "no public name servers: only the VPC asks"
    listed = aws.route53.list_hosted_zones_by_vpc(VPCId=vpc, VPCRegion=aws.region)
    assert [z["HostedZoneId"] for z in listed["HostedZoneSummaries"]] == [
        created["HostedZone"]["Id"].rsplit("/", 1)[-1]
    ]
