"""Routing the shop's traffic: weighted, latency, geolocation and failover record sets.

A routing policy is a group of record sets with the same name and type,
each told apart by its ``SetIdentifier``. Weighted records split answers by
weight over the sum of weights (0 to 255 each; the sum need not be 100).
Latency records each name the AWS Region of their resource, one record per
Region; a client gets the record of the Region with the lowest latency to it.
Geolocation records answer by the client's location: a continent, a country,
or a US state (``CountryCode`` ``US`` with a ``SubdivisionCode``), and a
default record (``CountryCode`` ``*``) answers everyone no other record
matches; without it, such a client gets no answer at all. Failover records
answer from the PRIMARY while its health check passes, else from the SECONDARY.

An emulator answers no DNS queries: these labs check the record sets and
health checks Route 53 holds, and the values it refuses. Route 53's
``TestDNSAnswer`` says what its name servers would answer a client (its
subnet passed as ``EDNS0ClientSubnetIP``): the geolocation lab asks it.

Notes, "route53 > routing policies" and "route53 > health check".
"""

import pytest

WEIGHTED = "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html"
LATENCY_VALUES = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/"
    "resource-record-sets-values-latency.html"
)
GEOLOCATION = "https://docs.aws.amazon.com/Route53/latest/APIReference/API_GeoLocation.html"
GEOLOCATION_ROUTING = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-geo.html"
)
US_CLIENT = "8.8.8.8"


def a_record(name: str, address: str, **policy) -> dict:
    return {"Name": name, "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": address}], **policy}


@pytest.mark.claim("route53.weighted-any-sum", quote="weights no need to be 100 when summed up")
def test_weighted_records_split_by_relative_weight(zone, upsert, records):
    name = f"api.{zone[1]}"
    # HINT: send 3/4 of api's answers to 192.0.2.1 ("blue") and 1/4 to 192.0.2.2 ("green"):
    # two A records, same name, each with SetIdentifier and Weight (a_record helps).
    # BEGIN SOLUTION
    upsert(
        a_record(name, "192.0.2.1", SetIdentifier="blue", Weight=3),
        a_record(name, "192.0.2.2", SetIdentifier="green", Weight=1),
    )
    # END SOLUTION
    weights = {rrs["SetIdentifier"]: rrs["Weight"] for rrs in records(name, "A")}
    total = sum(weights.values())
    assert {key: weight / total for key, weight in weights.items()} == {"blue": 0.75, "green": 0.25}


@pytest.mark.claim(
    "route53.weight-range",
    beyond_notes="A weighted record's weight runs from 0 to 255: 255 is accepted, 256 refused "
    "by Route 53 itself (InvalidInput).",
    source=WEIGHTED,
)
@pytest.mark.emulator_gap("moto", reason="moto accepts a weight of 256; AWS takes 0 to 255")
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack accepts a weight of 256; AWS takes 0 to 255"
)
def test_a_weight_is_between_0_and_255(zone, answer):
    def weighted(weight: int) -> dict:
        return a_record(f"api.{zone[1]}", "192.0.2.1", SetIdentifier="blue", Weight=weight)

    # botocore checks only a weight's lower bound before sending: 256 reaches Route 53.
    # HINT: what does Route 53 answer each weight? {weight: None if it takes it, else the code}
    # BEGIN SOLUTION
    expected = {0: None, 1: None, 255: None, 256: "InvalidInput"}
    # END SOLUTION
    assert {weight: answer(weighted(weight)) for weight in expected} == expected


@pytest.mark.claim(
    "route53.geolocation-default", quote="should have a default record", source=GEOLOCATION_ROUTING
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) has no TestDNSAnswer, "
    "so nothing shows which record answers a "
    "client; AWS answers as its name servers would: nothing to a client no geolocation record "
    "matches, the default record once there is one",
)
def test_without_a_default_record_other_clients_get_no_answer(aws, zone, upsert, eventually):
    name = f"www.{zone[1]}"
    upsert(a_record(name, "192.0.2.33", SetIdentifier="france", GeoLocation={"CountryCode": "FR"}))

    def answer_in_the_us() -> list[str]:
        """What Route 53 answers a client in the United States (8.8.8.8's subnet)."""
        answer = aws.route53.test_dns_answer(
            HostedZoneId=zone[0], RecordName=name, RecordType="A", EDNS0ClientSubnetIP=US_CLIENT
        )
        assert answer["ResponseCode"] == "NOERROR"
        return answer["RecordData"]

    assert answer_in_the_us() == [], "no record matches a client outside France: no answer"
    # HINT: add the record that answers every client outside France: 192.0.2.1, "default".
    # BEGIN SOLUTION
    upsert(a_record(name, "192.0.2.1", SetIdentifier="default", GeoLocation={"CountryCode": "*"}))
    # END SOLUTION
    eventually(lambda: answer_in_the_us() == ["192.0.2.1"])


@pytest.mark.claim("route53.latency-records", quote="helpful when latency is a priority")
def test_latency_records_name_the_region_of_their_resource(zone, upsert, records):
    name = f"api.{zone[1]}"
    # HINT: api runs in us-east-1 (192.0.2.1) and in eu-west-1 (192.0.2.2): one latency
    # record for each, same name, each with SetIdentifier and Region (a_record helps).
    # BEGIN SOLUTION
    upsert(
        a_record(name, "192.0.2.1", SetIdentifier="virginia", Region="us-east-1"),
        a_record(name, "192.0.2.2", SetIdentifier="ireland", Region="eu-west-1"),
    )
    # END SOLUTION
    by_region = {rrs["Region"]: rrs["ResourceRecords"][0]["Value"] for rrs in records(name, "A")}
    assert by_region == {"us-east-1": "192.0.2.1", "eu-west-1": "192.0.2.2"}


@pytest.mark.claim(
    "route53.latency-record-rules",
    quote="helpful when latency is a priority",
    source=LATENCY_VALUES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores any Region, two latency records in one Region, and a weighted record "
    "beside latency ones; AWS refuses all three",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores any Region, two latency records in one Region, and a weighted "
    "record beside latency ones; AWS refuses all three",
)
def test_latency_records_take_one_real_region_each(zone, upsert, answer):
    name = f"api.{zone[1]}"
    upsert(a_record(name, "192.0.2.1", SetIdentifier="virginia", Region="us-east-1"))
    cases = {
        "another region": a_record(
            name, "192.0.2.3", SetIdentifier="sydney", Region="ap-southeast-2"
        ),
        "a region that does not exist": a_record(
            name, "192.0.2.4", SetIdentifier="mars", Region="mars-north-1"
        ),
        "a second record in us-east-1": a_record(
            name, "192.0.2.5", SetIdentifier="virginia-2", Region="us-east-1"
        ),
        "a weighted record of the same name and type": a_record(
            name, "192.0.2.6", SetIdentifier="blue", Weight=1
        ),
    }
    # HINT: what does Route 53 answer each? {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "another region": None,
        "a region that does not exist": "InvalidInput",
        "a second record in us-east-1": "InvalidChangeBatch",
        "a weighted record of the same name and type": "InvalidChangeBatch",
    }
    # END SOLUTION
    assert {case: answer(record_set) for case, record_set in cases.items()} == expected


@pytest.mark.claim(
    "route53.geolocation-locations",
    beyond_notes="A geolocation record names a continent, a country, or a US state (country US "
    "with a subdivision), beside the default record (country *).",
    source=GEOLOCATION,
)
def test_geolocation_records_match_a_continent_a_country_or_a_state(zone, upsert, records):
    name = f"shop.{zone[1]}"
    upsert(a_record(name, "192.0.2.1", SetIdentifier="default", GeoLocation={"CountryCode": "*"}))
    # HINT: three more records for `shop`: Europe (continent EU) 192.0.2.10, France (country
    # FR) 192.0.2.33, California (US state CA) 192.0.2.50; each with a SetIdentifier.
    # BEGIN SOLUTION
    upsert(
        a_record(name, "192.0.2.10", SetIdentifier="europe", GeoLocation={"ContinentCode": "EU"}),
        a_record(name, "192.0.2.33", SetIdentifier="france", GeoLocation={"CountryCode": "FR"}),
        a_record(
            name,
            "192.0.2.50",
            SetIdentifier="california",
            GeoLocation={"CountryCode": "US", "SubdivisionCode": "CA"},
        ),
    )
    # END SOLUTION
    by_location = {
        tuple(sorted(rrs["GeoLocation"].items())): rrs["ResourceRecords"][0]["Value"]
        for rrs in records(name, "A")
    }
    assert by_location == {
        (("CountryCode", "*"),): "192.0.2.1",
        (("ContinentCode", "EU"),): "192.0.2.10",
        (("CountryCode", "FR"),): "192.0.2.33",
        (("CountryCode", "US"), ("SubdivisionCode", "CA")): "192.0.2.50",
    }


@pytest.mark.claim(
    "route53.geolocation-one-location",
    beyond_notes="A geolocation record names one location: a continent with a country, a state "
    "without its country, or an unknown continent is refused (InvalidInput).",
    source=GEOLOCATION,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a continent with a country, a state without its country and an "
    "unknown continent; AWS refuses them (InvalidInput)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores a continent with a country, a state without its country and "
    "an unknown continent; AWS refuses them (InvalidInput)",
)
def test_a_geolocation_record_names_one_location(zone, answer):
    name = f"shop.{zone[1]}"

    def located(set_id: str, location: dict) -> dict:
        return a_record(name, "192.0.2.1", SetIdentifier=set_id, GeoLocation=location)

    cases = {
        "the US state CA": located("california", {"CountryCode": "US", "SubdivisionCode": "CA"}),
        "continent EU and country FR": located(
            "both", {"ContinentCode": "EU", "CountryCode": "FR"}
        ),
        "state CA without a country": located("state", {"SubdivisionCode": "CA"}),
        "continent XX": located("nowhere", {"ContinentCode": "XX"}),
    }
    # HINT: what does Route 53 answer each? {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "the US state CA": None,
        "continent EU and country FR": "InvalidInput",
        "state CA without a country": "InvalidInput",
        "continent XX": "InvalidInput",
    }
    # END SOLUTION
    assert {case: answer(record_set) for case, record_set in cases.items()} == expected


@pytest.mark.claim("route53.failover-health-check", quote="failover(active-passive)")
def test_failover_primary_is_watched_by_a_health_check(aws, zone, upsert, records, unique_name):
    name = f"shop.{zone[1]}"
    # HINT: create an HTTPS health check of www.example.org:443/health (CallerReference from
    # unique_name), then PRIMARY (192.0.2.1, checked) and SECONDARY (192.0.2.2) failover records.
    # BEGIN SOLUTION
    check = aws.route53.create_health_check(
        CallerReference=unique_name("health"),
        HealthCheckConfig={
            "Type": "HTTPS",
            "FullyQualifiedDomainName": "www.example.org",
            "Port": 443,
            "ResourcePath": "/health",
        },
    )["HealthCheck"]
    upsert(
        a_record(
            name,
            "192.0.2.1",
            SetIdentifier="primary",
            Failover="PRIMARY",
            HealthCheckId=check["Id"],
        ),
        a_record(name, "192.0.2.2", SetIdentifier="secondary", Failover="SECONDARY"),
    )
    # END SOLUTION
    by_role = {rrs["Failover"]: rrs for rrs in records(name, "A")}
    assert set(by_role) == {"PRIMARY", "SECONDARY"}
    health_check = aws.route53.get_health_check(HealthCheckId=by_role["PRIMARY"]["HealthCheckId"])
    config = health_check["HealthCheck"]["HealthCheckConfig"]
    assert (config["Type"], config["ResourcePath"]) == ("HTTPS", "/health")


@pytest.mark.claim(
    "route53.weight-zero-no-traffic", quote="if zero, then no traffic sent", source=WEIGHTED
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) has no TestDNSAnswer, "
    "so nothing shows which record answers a client; AWS never answers a weighted record of "
    "weight 0 while another record of the group has a weight",
)
def test_a_record_of_weight_zero_gets_no_traffic(aws, zone, upsert):
    name = f"api.{zone[1]}"
    # HINT: two weighted records for `name`: "blue" 192.0.2.1 gets all the traffic, "green"
    # HINT: 192.0.2.2 gets none (a_record helps).
    # BEGIN SOLUTION
    upsert(
        a_record(name, "192.0.2.1", SetIdentifier="blue", Weight=1),
        a_record(name, "192.0.2.2", SetIdentifier="green", Weight=0),
    )
    # END SOLUTION
    answers = set()
    for _ in range(10):
        answer = aws.route53.test_dns_answer(
            HostedZoneId=zone[0], RecordName=name, RecordType="A", EDNS0ClientSubnetIP=US_CLIENT
        )
        answers.update(answer["RecordData"])
    assert answers == {"192.0.2.1"}


@pytest.mark.claim(
    "route53.all-weights-zero", quote="all zero, then traffic evenly distributed", source=WEIGHTED
)
@pytest.mark.emulator_gap(
    "moto",
    "localstack",
    reason="moto (and LocalStack, which serves Route 53 through moto) has no TestDNSAnswer, "
    "so nothing shows which record answers a client; AWS answers every record of a group "
    "whose weights are all 0, with equal probability",
)
def test_when_every_weight_is_zero_every_record_answers(aws, zone, upsert):
    name = f"api.{zone[1]}"
    upsert(
        a_record(name, "192.0.2.1", SetIdentifier="blue", Weight=0),
        a_record(name, "192.0.2.2", SetIdentifier="green", Weight=0),
    )
    answers = set()
    for _ in range(40):  # each answer is drawn with probability 1/2: 40 draws miss one ~1e-12
        answer = aws.route53.test_dns_answer(
            HostedZoneId=zone[0], RecordName=name, RecordType="A", EDNS0ClientSubnetIP=US_CLIENT
        )
        answers.update(answer["RecordData"])
    # HINT: the set of addresses the 40 answers hold between them.
    # BEGIN SOLUTION
    expected = {"192.0.2.1", "192.0.2.2"}
    # END SOLUTION
    assert answers == expected
