"""What an alias record may point at: AWS resources and this zone's records.

The shop's apex and ``www`` both serve its static site from S3 website
hosting, through alias records: an alias names the resource's DNS name and
the hosted zone ID AWS publishes for it (every S3 website endpoint, load
balancer, CloudFront distribution or API Gateway endpoint has one), at the
apex as well as below it.
An alias may also point at another record of the same hosted zone. It may
not point at an EC2 instance's public DNS name: that name lies in no zone
Route 53 lets you alias into (use an A record with the instance's address).

Notes, "route53 > CNAME vs Alias" and "route53 > Alias records > targets".
"""

import pytest

ALIAS_TARGET = "https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html"
# The S3 website endpoint of us-east-1, and the hosted zone ID AWS publishes for it.
S3_WEBSITE = "s3-website-us-east-1.amazonaws.com."
S3_WEBSITE_ZONE_US_EAST_1 = "Z3AQBSTGFYJSTF"


def alias(name: str, zone_id: str, target: str) -> dict:
    target_spec = {"HostedZoneId": zone_id, "DNSName": target, "EvaluateTargetHealth": False}
    return {"Name": name, "Type": "A", "AliasTarget": target_spec}


@pytest.mark.claim(
    "route53.alias-to-aws-resource",
    quote="Alias: TLD or non-TLD, point to aws resources",
    source=ALIAS_TARGET,
)
def test_an_alias_points_the_apex_and_www_at_an_s3_website(zone, upsert, records):
    apex = zone[1]
    www = f"www.{apex}"
    # HINT: alias records (the alias helper) for the apex and for www, both to S3_WEBSITE,
    # HINT: whose hosted zone ID is S3_WEBSITE_ZONE_US_EAST_1.
    # BEGIN SOLUTION
    upsert(
        alias(apex, S3_WEBSITE_ZONE_US_EAST_1, S3_WEBSITE),
        alias(www, S3_WEBSITE_ZONE_US_EAST_1, S3_WEBSITE),
    )
    # END SOLUTION
    for name in (apex, www):
        [record] = records(name, "A")
        target = record["AliasTarget"]
        assert (target["HostedZoneId"], target["DNSName"]) == (
            S3_WEBSITE_ZONE_US_EAST_1,
            S3_WEBSITE,
        )


@pytest.mark.claim(
    "route53.alias-to-same-zone-record",
    quote="route53 records in the same hosted zone",
    source=ALIAS_TARGET,
)
def test_an_alias_points_at_a_record_of_the_same_zone(zone, upsert, records, web_server):
    zone_id, zone_name = zone
    store = f"store.{zone_name}"
    # HINT: make `store` an alias to web_server, a record of this same zone.
    # BEGIN SOLUTION
    upsert(alias(store, zone_id, web_server))
    # END SOLUTION
    [record] = records(store, "A")
    assert record["AliasTarget"]["HostedZoneId"] == zone_id
    assert record["AliasTarget"]["DNSName"].rstrip(".") == web_server.rstrip(".")


@pytest.mark.claim(
    "route53.alias-not-to-ec2",
    quote="**Note**: not for ec2 instances",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/"
    "resource-record-sets-values-alias.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an alias to an EC2 instance's public DNS name; AWS refuses it "
    "(InvalidChangeBatch: the alias target name does not lie within the target zone)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores an alias to an EC2 instance's public DNS name; AWS refuses it "
    "(InvalidChangeBatch)",
)
def test_an_alias_cannot_point_at_an_ec2_instance(zone, answer):
    zone_id, zone_name = zone
    instance = "ec2-192-0-2-10.compute-1.amazonaws.com."
    # HINT: what does Route 53 answer an alias from app.<zone> to the instance's DNS name?
    # BEGIN SOLUTION
    expected = "InvalidChangeBatch"
    # END SOLUTION
    assert answer(alias(f"app.{zone_name}", zone_id, instance)) == expected


@pytest.fixture
def load_balancer(aws, unique_name) -> dict:
    """A new internal Application Load Balancer (two subnets of a new VPC): its description."""
    vpc = aws.ec2.create_vpc(CidrBlock="10.0.0.0/16")["Vpc"]["VpcId"]
    subnets = [
        aws.ec2.create_subnet(
            VpcId=vpc, CidrBlock=f"10.0.{n}.0/24", AvailabilityZone=f"{aws.region}{letter}"
        )["Subnet"]["SubnetId"]
        for n, letter in ((1, "a"), (2, "b"))
    ]
    return aws.elbv2.create_load_balancer(
        Name=unique_name("api")[:32], Subnets=subnets, Scheme="internal"
    )["LoadBalancers"][0]


@pytest.mark.claim(
    "route53.alias-maps-a-hostname-to-a-resource",
    quote="map hostnames to aws resources",
    source=ALIAS_TARGET,
)
def test_an_alias_maps_a_hostname_to_a_load_balancer(zone, upsert, records, load_balancer):
    api = f"api.{zone[1]}"
    # HINT: an alias record (the alias helper) from api to the load balancer: its DNSName,
    # HINT: in the hosted zone AWS publishes for it, its CanonicalHostedZoneId.
    # BEGIN SOLUTION
    upsert(alias(api, load_balancer["CanonicalHostedZoneId"], load_balancer["DNSName"]))
    # END SOLUTION
    [record] = records(api, "A")
    target = record["AliasTarget"]
    assert target["HostedZoneId"] == load_balancer["CanonicalHostedZoneId"]
    assert target["DNSName"].rstrip(".").lower() == load_balancer["DNSName"].lower()
    assert "TTL" not in record and "ResourceRecords" not in record, "no values of its own"


@pytest.mark.claim(
    "route53.alias-at-apex-or-below",
    quote="TLD or non-TLD",
    line=327,
    errata="Not the TLD (.com) but the zone apex: an alias record can sit at the hosted zone's "
    "own name (example.com) and at any name below it (www.example.com); a record for the TLD "
    "itself lies outside the zone and is refused (InvalidChangeBatch).",
    source=ALIAS_TARGET,
)
def test_an_alias_sits_at_the_apex_or_below_never_at_the_tld(zone, answer, web_server):
    zone_id, apex = zone
    tld = apex.rstrip(".").rsplit(".", 1)[-1] + "."  # "com."
    names = {"the zone apex": apex, "a subdomain": f"shop.{apex}", "the TLD": tld}
    # HINT: what does Route 53 answer an alias (to web_server) at each name?
    # HINT: {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {"the zone apex": None, "a subdomain": None, "the TLD": "InvalidChangeBatch"}
    # END SOLUTION
    answers = {case: answer(alias(name, zone_id, web_server)) for case, name in names.items()}
    assert answers == expected


@pytest.mark.claim(
    "route53.alias-to-s3-website",
    quote="s3 websites",
    line=334,
    source="https://docs.aws.amazon.com/general/latest/gr/s3.html#s3_website_region_endpoints",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an alias to the S3 website endpoint under any hosted zone ID; AWS "
    "refuses one whose zone is not the endpoint's (InvalidChangeBatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores an alias to the S3 website endpoint under any "
    "hosted zone ID; AWS refuses one whose zone is not the endpoint's (InvalidChangeBatch)",
)
def test_an_s3_website_alias_names_the_endpoints_own_zone(zone, answer):
    www = f"www.{zone[1]}"
    cloudfront_zone = "Z2FDTNDATAQYW2"  # the hosted zone ID of every CloudFront distribution
    # HINT: what does Route 53 answer an alias from www to S3_WEBSITE in the zone AWS publishes
    # HINT: for it, and in CloudFront's zone? (None if it takes it, else the error code)
    # BEGIN SOLUTION
    in_its_zone, in_another_zone = None, "InvalidChangeBatch"
    # END SOLUTION
    assert answer(alias(www, S3_WEBSITE_ZONE_US_EAST_1, S3_WEBSITE)) == in_its_zone
    assert answer(alias(f"shop.{zone[1]}", cloudfront_zone, S3_WEBSITE)) == in_another_zone
