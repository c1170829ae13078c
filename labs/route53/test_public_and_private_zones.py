"""Public and private hosted zones: who can ask for the shop's records.

The shop's website lives in a *public* hosted zone: Route 53 gives it four
name servers (its delegation set), which the domain's registrar lists so the
whole Internet can find them. The shop's internal services live in a
*private* hosted zone, associated with the VPCs that may query it: it has no
public name servers at all.

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
def test_a_private_zone_answers_inside_its_vpc(aws, unique_name):
    vpc = aws.ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
    name = f"{unique_name('internal')}.example.com."
    try:
        # HINT: create hosted zone `name` as a private zone of `vpc` (in region aws.region).
        # BEGIN SOLUTION
        created = aws.route53.create_hosted_zone(
            Name=name,
            CallerReference=unique_name("zone"),
            VPC={"VPCRegion": aws.region, "VPCId": vpc},
            HostedZoneConfig={"PrivateZone": True},
        )
        # END SOLUTION
        zone_id = created["HostedZone"]["Id"]
        assert created["HostedZone"]["Config"]["PrivateZone"] is True
        assert "DelegationSet" not in created, "no public name servers"
        found = aws.route53.get_hosted_zone(Id=zone_id)
        assert found["VPCs"] == [{"VPCRegion": aws.region, "VPCId": vpc}]
        aws.route53.delete_hosted_zone(Id=zone_id)
    finally:
        aws.ec2.delete_vpc(VpcId=vpc)
