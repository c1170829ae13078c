"""A public hosted zone: the shop's records, for the whole Internet.

The shop's website lives in a *public* hosted zone: Route 53 gives it four
name servers (its delegation set), which the domain's registrar lists so the
whole Internet can find them. (A *private* hosted zone is associated with the
VPCs that may query it, and has no public name servers; creating one needs a
VPC, and on moto a first EC2 call costs seconds, so no lab here makes one.)

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
