"""What a record is made of: a name, a type, values, a routing policy (and a TTL).

The shop's zone holds record sets. Each has a **name**, the zone's own domain
or a subdomain of it (a name outside the zone is refused: another zone
answers for it); a **type** (A, AAAA, CNAME, MX...), which with the name
identifies the record set, so one name holds one record set of each type;
its **values** (``ResourceRecords``), one or more, which a record that is not
an alias must have; and a **routing policy**: simple when it has none of the
policy fields, otherwise one of ``Weight``, ``Region``, ``GeoLocation``,
``Failover``, ``MultiValueAnswer``... together with a ``SetIdentifier`` that
tells the records of one name and type apart. Route 53 refuses a policy
without its ``SetIdentifier``, and a ``SetIdentifier`` without a policy.

Notes, "route53 > records".
"""

import pytest

CHANGE_RECORDS = (
    "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ChangeResourceRecordSets.html"
)
RECORD_SET = "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html"


def record(name: str, record_type: str, *values: str, **policy) -> dict:
    return {
        "Name": name,
        "Type": record_type,
        "TTL": 300,
        "ResourceRecords": [{"Value": value} for value in values],
        **policy,
    }


def values(record_set: dict) -> list[str]:
    return sorted(value["Value"] for value in record_set["ResourceRecords"])


@pytest.mark.claim(
    "route53.record-name-in-zone", quote="domain/subdomain name", source=CHANGE_RECORDS
)
def test_a_record_is_named_in_its_zone_or_below(zone, answer):
    apex = zone[1]
    names = {
        "the zone's own name": apex,
        "a subdomain": f"www.{apex}",
        "a subdomain of a subdomain": f"api.eu.{apex}",
        "another domain": "www.example.org.",
    }
    # HINT: what does Route 53 answer an A record of each name? {case: None if it takes
    # HINT: it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "the zone's own name": None,
        "a subdomain": None,
        "a subdomain of a subdomain": None,
        "another domain": "InvalidChangeBatch",
    }
    # END SOLUTION
    answers = {case: answer(record(name, "A", "192.0.2.1")) for case, name in names.items()}
    assert answers == expected


@pytest.mark.claim("route53.record-type-per-name", quote="record type", source=RECORD_SET)
def test_one_name_holds_one_record_set_of_each_type(zone, upsert, records, web_server):
    # web_server: www, an A record to 192.0.2.10.
    # HINT: in one upsert, give www an AAAA record (2001:db8::10) and a TXT record
    # HINT: ('"owner=web-team"', quotes included) beside its A record.
    # BEGIN SOLUTION
    upsert(
        record(web_server, "AAAA", "2001:db8::10"),
        record(web_server, "TXT", '"owner=web-team"'),
    )
    # END SOLUTION
    upsert(record(web_server, "A", "192.0.2.11"))  # replaces the A record set, and only it
    found = {kind: [values(rrs) for rrs in records(web_server, kind)] for kind in ("A", "AAAA")}
    assert found == {"A": [["192.0.2.11"]], "AAAA": [["2001:db8::10"]]}
    assert [values(rrs) for rrs in records(web_server, "TXT")] == [['"owner=web-team"']]


@pytest.mark.claim("route53.record-needs-values", quote="value", line=305, source=RECORD_SET)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a record set with a TTL and no values; AWS refuses it (InvalidInput: "
    "expected an AliasTarget, or a TTL and ResourceRecords)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores a record set with a TTL and no values; AWS "
    "refuses it (InvalidInput)",
)
def test_a_record_holds_values_and_needs_one(zone, answer, records):
    shop = f"shop.{zone[1]}"
    # HINT: what does Route 53 answer an A record of three addresses, and one with a TTL but
    # HINT: no values? (None if it takes it, else the error code)
    # BEGIN SOLUTION
    three_values, no_value = None, "InvalidInput"
    # END SOLUTION
    assert answer(record(shop, "A", "192.0.2.1", "192.0.2.2", "192.0.2.3")) == three_values
    assert [values(rrs) for rrs in records(shop, "A")] == [["192.0.2.1", "192.0.2.2", "192.0.2.3"]]
    assert answer({"Name": f"empty.{zone[1]}", "Type": "A", "TTL": 300}) == no_value


@pytest.mark.claim(
    "route53.record-routing-policy-fields", quote="routing policy", line=306, source=RECORD_SET
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a weighted record without a SetIdentifier and a SetIdentifier without "
    "a policy; AWS refuses both (InvalidInput)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's Route 53 (moto's) stores a weighted record without a SetIdentifier and "
    "a SetIdentifier without a policy; AWS refuses both (InvalidInput)",
)
def test_a_routing_policy_comes_with_a_set_identifier(zone, answer):
    api = f"api.{zone[1]}"
    cases = {
        "simple: no policy, no SetIdentifier": record(api, "A", "192.0.2.1"),
        "weighted with its SetIdentifier": record(
            f"blue.{zone[1]}", "A", "192.0.2.2", Weight=10, SetIdentifier="blue"
        ),
        "weighted without a SetIdentifier": record(f"green.{zone[1]}", "A", "192.0.2.3", Weight=10),
        "a SetIdentifier without a policy": record(
            f"red.{zone[1]}", "A", "192.0.2.4", SetIdentifier="red"
        ),
    }
    # HINT: what does Route 53 answer each? {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "simple: no policy, no SetIdentifier": None,
        "weighted with its SetIdentifier": None,
        "weighted without a SetIdentifier": "InvalidInput",
        "a SetIdentifier without a policy": "InvalidInput",
    }
    # END SOLUTION
    assert {case: answer(record_set) for case, record_set in cases.items()} == expected
