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
