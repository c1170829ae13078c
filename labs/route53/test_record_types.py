"""The shop's zone gets its everyday records: A, AAAA, CNAME, NS, MX and TXT.

Each record type holds its own kind of value: **A** an IPv4 address,
**AAAA** an IPv6 address, **CNAME** one other domain name (every query for
the name is answered from the target), **NS** the name servers a subdomain
is delegated to, **MX** a priority and a mail server, **TXT** quoted text
(SPF, domain verification). Route 53 refuses a value of the wrong kind, a
CNAME with more than one value, and a CNAME beside any other record of the
same name.

The notes list "Alias" among the record types: it is not one. An alias is a
Route 53 extension of a record of another type (A or AAAA, mostly) that
carries an ``AliasTarget`` instead of values; the API's record types have no
Alias, and a record set of Type Alias is refused.

Notes, "route53 > records types".
"""

import pytest

RECORD_TYPES = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/ResourceRecordTypes.html"
ALIAS_OR_NOT = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/"
    "resource-record-sets-choosing-alias-non-alias.html"
)


def record(name: str, record_type: str, *values: str, ttl: int = 300) -> dict:
    return {
        "Name": name,
        "Type": record_type,
        "TTL": ttl,
        "ResourceRecords": [{"Value": value} for value in values],
    }


@pytest.mark.claim(
    "route53.record-types",
    beyond_notes="Each record type holds its own kind of value: A an IPv4 address, AAAA an IPv6 "
    "address, CNAME one domain name, NS name servers, MX a priority and a mail server, TXT "
    "quoted text.",
    source=RECORD_TYPES,
)
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


@pytest.mark.claim(
    "route53.record-value-rules",
    beyond_notes="Route 53 refuses an IPv6 address in an A record, a CNAME with two values and "
    "a CNAME beside another record of the same name (InvalidChangeBatch).",
    source=RECORD_TYPES,
)
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
def test_a_record_takes_only_values_of_its_type(zone, answer, web_server):
    apex = zone[1]
    cases = {
        "AAAA with an IPv6 address": record(f"v6.{apex}", "AAAA", "2001:db8::20"),
        "A with an IPv6 address": record(f"v4.{apex}", "A", "2001:db8::20"),
        "CNAME with two names": record(f"docs.{apex}", "CNAME", "a.example.org", "b.example.org"),
        "CNAME where www has an A record": record(web_server, "CNAME", "shop.example.org"),
    }
    # HINT: what does Route 53 answer each? {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "AAAA with an IPv6 address": None,
        "A with an IPv6 address": "InvalidChangeBatch",
        "CNAME with two names": "InvalidChangeBatch",
        "CNAME where www has an A record": "InvalidChangeBatch",
    }
    # END SOLUTION
    assert {case: answer(record_set) for case, record_set in cases.items()} == expected


@pytest.mark.claim(
    "route53.alias-not-a-record-type",
    quote="Alias",
    line=311,
    errata="Alias is not a record type: it is a Route 53 extension of a record of another type "
    "(A or AAAA for most targets) that carries an AliasTarget instead of values; the API's "
    "record types (RRType) have no Alias.",
    source=ALIAS_OR_NOT,
)
def test_an_alias_is_an_a_record_with_a_target(aws, zone, upsert, records, web_server):
    zone_id, apex = zone
    record_types = aws.route53.meta.service_model.shape_for("RRType").enum
    assert {"A", "AAAA", "CNAME", "NS"} <= set(record_types)
    # HINT: is "Alias" one of the record types the Route 53 API takes? (True or False)
    # BEGIN SOLUTION
    alias_is_a_type = False
    # END SOLUTION
    assert ("Alias" in record_types) == alias_is_a_type
    shop = f"shop.{apex}"
    target = {"HostedZoneId": zone_id, "DNSName": web_server, "EvaluateTargetHealth": False}
    upsert({"Name": shop, "Type": "A", "AliasTarget": target})
    [alias] = records(shop, "A")
    assert alias["AliasTarget"]["DNSName"].rstrip(".") == web_server.rstrip(".")


@pytest.mark.claim(
    "route53.alias-type-refused",
    quote="Alias",
    line=311,
    errata="Route 53 refuses a record set of Type Alias (InvalidInput), and takes the same alias "
    "as an A record.",
    source=ALIAS_OR_NOT,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores a record set of Type Alias; AWS refuses it (InvalidInput)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores a record set of Type Alias; AWS refuses it "
    "(InvalidInput)",
)
def test_a_record_of_type_alias_is_refused(zone, answer, web_server):
    name = f"shop.{zone[1]}"
    target = {"HostedZoneId": zone[0], "DNSName": web_server, "EvaluateTargetHealth": False}
    # HINT: what does Route 53 answer a record set of Type "Alias", and the same alias as an
    # HINT: A record? (None when it takes it, else the error code)
    # BEGIN SOLUTION
    as_alias_type, as_a_record = "InvalidInput", None
    # END SOLUTION
    assert answer({"Name": name, "Type": "Alias", "AliasTarget": target}) == as_alias_type
    assert answer({"Name": name, "Type": "A", "AliasTarget": target}) == as_a_record


def stored_values(records, name: str, record_type: str) -> list[list[str]]:
    """The values of each record set of that name and type, without a final dot."""
    return [
        sorted(value["Value"].rstrip(".") for value in rrs["ResourceRecords"])
        for rrs in records(name, record_type)
    ]


@pytest.mark.claim("route53.a-record-ipv4", quote="A", line=309, source=RECORD_TYPES)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores an IPv6 address in an A record; AWS refuses it (InvalidChangeBatch)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores an IPv6 address in an A record; AWS refuses it "
    "(InvalidChangeBatch)",
)
def test_an_a_record_holds_ipv4_addresses(zone, answer, records):
    shop = f"shop.{zone[1]}"
    # HINT: what does Route 53 answer an A record of two IPv4 addresses, and one of an
    # HINT: IPv6 address? (None if it takes it, else the error code)
    # BEGIN SOLUTION
    two_ipv4, one_ipv6 = None, "InvalidChangeBatch"
    # END SOLUTION
    assert answer(record(shop, "A", "192.0.2.1", "192.0.2.2")) == two_ipv4
    assert stored_values(records, shop, "A") == [["192.0.2.1", "192.0.2.2"]]
    assert answer(record(f"v6.{zone[1]}", "A", "2001:db8::1")) == one_ipv6


@pytest.mark.claim("route53.aaaa-record-ipv6", quote="AAAA", source=RECORD_TYPES)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores an IPv4 address in an AAAA record; AWS refuses it (InvalidChangeBatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores an IPv4 address in an AAAA record; AWS "
    "refuses it (InvalidChangeBatch)",
)
def test_an_aaaa_record_holds_ipv6_addresses(zone, answer, records):
    shop = f"shop.{zone[1]}"
    # HINT: what does Route 53 answer an AAAA record of an IPv6 address, and one of an
    # HINT: IPv4 address? (None if it takes it, else the error code)
    # BEGIN SOLUTION
    ipv6, ipv4 = None, "InvalidChangeBatch"
    # END SOLUTION
    assert answer(record(shop, "AAAA", "2001:db8::1")) == ipv6
    assert stored_values(records, shop, "AAAA") == [["2001:db8::1"]]
    assert answer(record(f"v4.{zone[1]}", "AAAA", "192.0.2.1")) == ipv4


@pytest.mark.claim("route53.cname-one-name", quote="CNAME", line=312, source=RECORD_TYPES)
@pytest.mark.emulator_gap(
    "moto", reason="moto stores a CNAME record of two names; AWS refuses it (InvalidChangeBatch)"
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores a CNAME record of two names; AWS refuses it "
    "(InvalidChangeBatch)",
)
def test_a_cname_maps_a_name_to_one_other_name(zone, answer, records, web_server):
    blog = f"blog.{zone[1]}"
    # HINT: what does Route 53 answer a CNAME from blog to web_server, and one from docs to
    # HINT: two names? (None if it takes it, else the error code)
    # BEGIN SOLUTION
    one_name, two_names = None, "InvalidChangeBatch"
    # END SOLUTION
    assert answer(record(blog, "CNAME", web_server)) == one_name
    assert stored_values(records, blog, "CNAME") == [[web_server.rstrip(".")]]
    docs = record(f"docs.{zone[1]}", "CNAME", "a.example.org", "b.example.org")
    assert answer(docs) == two_names


@pytest.mark.claim("route53.ns-name-servers", quote="NS", line=313, source=RECORD_TYPES)
def test_ns_records_name_the_servers_that_answer_for_a_domain(aws, zone, upsert, records):
    zone_id, apex = zone
    delegation = aws.route53.get_hosted_zone(Id=zone_id)["DelegationSet"]["NameServers"]
    eu = f"eu.{apex}"
    # HINT: delegate the subdomain eu to ns1.example.net and ns2.example.net (one NS record,
    # HINT: the record helper; a TTL of 172800 is usual for NS).
    # BEGIN SOLUTION
    upsert(record(eu, "NS", "ns1.example.net", "ns2.example.net", ttl=172800))
    # END SOLUTION
    assert stored_values(records, apex, "NS") == [sorted(ns.rstrip(".") for ns in delegation)]
    assert stored_values(records, eu, "NS") == [["ns1.example.net", "ns2.example.net"]]
