"""The shop's zone gets its everyday records: A, AAAA, CNAME, NS, MX and TXT.

Each record type holds its own kind of value: **A** an IPv4 address,
**AAAA** an IPv6 address, **CNAME** one other domain name (every query for
the name is answered from the target), **NS** the name servers a subdomain
is delegated to, **MX** a priority and a mail server, **TXT** quoted text
(SPF, domain verification). Route 53 refuses a value of the wrong kind, a
CNAME with more than one value, and a CNAME beside any other record of the
same name.

Notes, "route53 > records types".
"""

import pytest

RECORD_TYPES = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html"


def record(name: str, record_type: str, *values: str, ttl: int = 300) -> dict:
    return {
        "Name": name,
        "Type": record_type,
        "TTL": ttl,
        "ResourceRecords": [{"Value": value} for value in values],
    }


@pytest.mark.claim("route53.record-types", quote="records types", source=RECORD_TYPES)
def test_each_record_type_holds_its_kind_of_value(aws, zone, upsert, web_server):
    zone_id, apex = zone
    # web_server: www, an A record to 192.0.2.10.
    # HINT: in one upsert: www's IPv6 address 2001:db8::10; blog, another name for www;
    # eu, a subdomain delegated to ns1.example.net and ns2.example.net; the apex's mail
    # server mail.example.org (priority 10); the apex's SPF text "v=spf1 mx -all" (quoted).
    # The `record` helper builds each one.
    # BEGIN SOLUTION
    upsert(
        record(web_server, "AAAA", "2001:db8::10"),
        record(f"blog.{apex}", "CNAME", web_server),
        record(f"eu.{apex}", "NS", "ns1.example.net", "ns2.example.net", ttl=172800),
        record(apex, "MX", "10 mail.example.org"),
        record(apex, "TXT", '"v=spf1 mx -all"'),
    )
    # END SOLUTION
    found = aws.route53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
    values = {
        (rrs["Name"], rrs["Type"]): sorted(
            value["Value"].rstrip(".") for value in rrs["ResourceRecords"]
        )
        for rrs in found
        if rrs["Type"] != "SOA" and not (rrs["Type"] == "NS" and rrs["Name"] == apex)
    }
    assert values == {
        (web_server, "A"): ["192.0.2.10"],
        (web_server, "AAAA"): ["2001:db8::10"],
        (f"blog.{apex}", "CNAME"): [web_server.rstrip(".")],
        (f"eu.{apex}", "NS"): ["ns1.example.net", "ns2.example.net"],
        (apex, "MX"): ["10 mail.example.org"],
        (apex, "TXT"): ['"v=spf1 mx -all"'],
    }


@pytest.mark.claim("route53.record-value-rules", quote="records types", source=RECORD_TYPES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an IPv6 address in an A record, a CNAME with two values and a "
    "CNAME beside an A record; AWS refuses all three (InvalidChangeBatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores an IPv6 address in an A record, a CNAME with two values and "
    "a CNAME beside an A record; AWS refuses all three (InvalidChangeBatch)",
)
def test_a_record_takes_only_values_of_its_type(zone, accepted, web_server):
    apex = zone[1]
    cases = {
        "AAAA with an IPv6 address": record(f"v6.{apex}", "AAAA", "2001:db8::20"),
        "A with an IPv6 address": record(f"v4.{apex}", "A", "2001:db8::20"),
        "CNAME with two names": record(f"docs.{apex}", "CNAME", "a.example.org", "b.example.org"),
        "CNAME where www has an A record": record(web_server, "CNAME", "shop.example.org"),
    }
    # HINT: which of these does Route 53 accept? {case: True or False}
    # BEGIN SOLUTION
    expected = {
        "AAAA with an IPv6 address": True,
        "A with an IPv6 address": False,
        "CNAME with two names": False,
        "CNAME where www has an A record": False,
    }
    # END SOLUTION
    assert {case: accepted(record_set) for case, record_set in cases.items()} == expected
