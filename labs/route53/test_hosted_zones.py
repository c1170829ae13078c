"""A hosted zone for a shop's domain: its first records, an alias at the apex.

A hosted zone holds a domain's records (the zone file). Route 53 starts it
with the records that make it answer at all: NS (its name servers) and SOA.
At the zone apex (the zone's own name, ``shop.example.com``) DNS forbids a
CNAME, because the apex already holds NS and SOA; a Route 53 alias record
can point there instead, and an alias record has no TTL of its own.

Notes, "route53 > hosted zones", "CNAME vs Alias" and "Alias records".
"""

import pytest
from botocore.exceptions import ClientError

ALIAS_OR_NOT = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/"
    "resource-record-sets-choosing-alias-non-alias.html"
)
ALIAS_VALUES = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/"
    "resource-record-sets-values-alias.html"
)


@pytest.mark.claim("route53.zone-starts-with-ns-and-soa", quote="zone file: contains dns records")
def test_a_new_zone_holds_its_name_servers(aws, zone):
    zone_id, zone_name = zone
    found = aws.route53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    # HINT: which record types does a brand-new hosted zone already hold? (a set)
    # BEGIN SOLUTION
    expected_types = {"NS", "SOA"}
    # END SOLUTION
    assert {rrs["Type"] for rrs in found} == expected_types
    [name_servers] = [rrs for rrs in found if rrs["Type"] == "NS"]
    assert name_servers["Name"] == zone_name
    assert len(name_servers["ResourceRecords"]) == 4


@pytest.mark.claim(
    "route53.no-cname-at-apex",
    quote="CNAME: not for TLD",
    errata="Not 'TLD' (.com): a CNAME cannot be created at the zone apex, the hosted zone's"
    " own name (example.com); an alias record can be.",
    source=ALIAS_OR_NOT,
)
@pytest.mark.emulator_gap("moto", reason="moto accepts a CNAME at the zone apex; AWS refuses it")
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack accepts a CNAME at the zone apex; AWS refuses it"
)
def test_the_apex_takes_an_alias_not_a_cname(aws, zone, upsert, records, web_server):
    zone_id, apex = zone
    with pytest.raises(ClientError) as refused:
        upsert(
            {"Name": apex, "Type": "CNAME", "TTL": 300, "ResourceRecords": [{"Value": web_server}]}
        )
    assert refused.value.response["Error"]["Code"] == "InvalidChangeBatch"
    # HINT: point the apex at web_server with an A alias record (AliasTarget in this zone).
    # BEGIN SOLUTION
    upsert(
        {
            "Name": apex,
            "Type": "A",
            "AliasTarget": {
                "HostedZoneId": zone_id,
                "DNSName": web_server,
                "EvaluateTargetHealth": False,
            },
        }
    )
    # END SOLUTION
    [alias] = records(apex, "A")
    assert alias["AliasTarget"]["DNSName"].rstrip(".") == web_server.rstrip(".")


@pytest.mark.claim("route53.alias-no-ttl", quote="except for Alias records")
def test_an_alias_record_has_no_ttl(zone, upsert, records, web_server):
    zone_id, zone_name = zone
    shop = f"shop.{zone_name}"
    # HINT: create `shop` as an A alias to web_server (a record in this same zone).
    # BEGIN SOLUTION
    upsert(
        {
            "Name": shop,
            "Type": "A",
            "AliasTarget": {
                "HostedZoneId": zone_id,
                "DNSName": web_server,
                "EvaluateTargetHealth": False,
            },
        }
    )
    # END SOLUTION
    [alias] = records(shop, "A")
    assert "TTL" not in alias, "an alias answers with its target's TTL"
    assert "ResourceRecords" not in alias


@pytest.mark.claim("route53.alias-ttl-refused", quote="no ttl", source=ALIAS_VALUES)
@pytest.mark.emulator_gap("moto", reason="moto stores a TTL on an alias record; AWS refuses it")
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack stores a TTL on an alias record; AWS refuses it"
)
def test_an_alias_record_refuses_a_ttl(zone, answer, web_server):
    zone_id, zone_name = zone
    alias = {
        "Name": f"shop.{zone_name}",
        "Type": "A",
        "AliasTarget": {
            "HostedZoneId": zone_id,
            "DNSName": web_server,
            "EvaluateTargetHealth": False,
        },
    }

    # HINT: what does Route 53 answer the alias with a TTL of 60, and without any TTL?
    # HINT: (None when it takes the record, else the error code)
    # BEGIN SOLUTION
    with_ttl, without_ttl = "InvalidInput", None
    # END SOLUTION
    assert answer({**alias, "TTL": 60}) == with_ttl
    assert answer(alias) == without_ttl
