"""A record's TTL, the record sets of one routing policy, and the health checks they carry.

A record's TTL tells resolvers how long to cache the answer: 0 seconds up
to 2,147,483,647 (68 years); a longer TTL means fewer queries (cheaper) and
slower changes. The record sets of one routing policy share a name and a
type; a plain (simple) record set of that name and type cannot stand beside
them. Weighted, latency, geolocation and multi-value records can each carry
a health check: Route 53 stops answering a record whose check fails.

Notes, "route53 > records", "route53 > routing policies".
"""

import pytest

RECORD_SET = "https://docs.aws.amazon.com/Route53/latest/APIReference/API_ResourceRecordSet.html"


def a_record(name: str, address: str, **policy) -> dict:
    return {"Name": name, "Type": "A", "TTL": 60, "ResourceRecords": [{"Value": address}], **policy}


@pytest.fixture
def health_check(aws, unique_name) -> str:
    """The id of a new HTTPS health check of www.example.org:443/health."""
    return aws.route53.create_health_check(
        CallerReference=unique_name("health"),
        HealthCheckConfig={
            "Type": "HTTPS",
            "FullyQualifiedDomainName": "www.example.org",
            "Port": 443,
            "ResourcePath": "/health",
        },
    )["HealthCheck"]["Id"]


@pytest.mark.claim("route53.ttl-range", quote="ttl", line=307, source=RECORD_SET)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts a TTL of 2,147,483,648 s; AWS takes 0 to 2,147,483,647"
)
@pytest.mark.emulator_gap(
    "localstack", reason="LocalStack accepts a TTL of 2,147,483,648 s; AWS takes 0 to 2,147,483,647"
)
def test_a_ttl_runs_from_0_to_2147483647_seconds(aws, zone, error_code):
    change = aws.unvalidated("route53").change_resource_record_sets

    def refusal(ttl: int) -> str | None:
        record_set = {**a_record(f"www.{zone[1]}", "192.0.2.1"), "TTL": ttl}
        batch = {"Changes": [{"Action": "UPSERT", "ResourceRecordSet": record_set}]}
        return error_code(change, HostedZoneId=zone[0], ChangeBatch=batch)

    # HINT: the longest TTL Route 53 accepts, in seconds (the largest signed 32-bit integer).
    # BEGIN SOLUTION
    longest = 2**31 - 1
    # END SOLUTION
    assert refusal(0) is None and refusal(longest) is None
    assert refusal(longest + 1) == "InvalidInput"


@pytest.mark.claim(
    "route53.policy-records-same-name-and-type",
    quote="dns records must have the same name and type",
    source=RECORD_SET,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores a simple record set beside weighted ones of the same name and type; "
    "AWS refuses it (InvalidChangeBatch)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack stores a simple record set beside weighted ones of the same name and "
    "type; AWS refuses it (InvalidChangeBatch)",
)
def test_a_simple_record_cannot_join_a_weighted_group(zone, upsert, answer):
    name = f"api.{zone[1]}"
    upsert(
        a_record(name, "192.0.2.1", SetIdentifier="blue", Weight=3),
        a_record(name, "192.0.2.2", SetIdentifier="green", Weight=1),
    )
    cases = {
        "a weighted AAAA of the same name": {
            "Name": name,
            "Type": "AAAA",
            "TTL": 60,
            "ResourceRecords": [{"Value": "2001:db8::1"}],
            "SetIdentifier": "blue-v6",
            "Weight": 1,
        },
        "a simple A of the same name": a_record(name, "192.0.2.3"),
    }
    # HINT: what does Route 53 answer each? {case: None if it takes it, else the error code}
    # BEGIN SOLUTION
    expected = {
        "a weighted AAAA of the same name": None,
        "a simple A of the same name": "InvalidChangeBatch",
    }
    # END SOLUTION
    assert {case: answer(record_set) for case, record_set in cases.items()} == expected


def checked_records(zone, upsert, records, health_check, policy: dict) -> list[dict]:
    name = f"checked.{zone[1]}"
    upsert(a_record(name, "192.0.2.1", SetIdentifier="one", HealthCheckId=health_check, **policy))
    return records(name, "A")


@pytest.mark.claim(
    "route53.weighted-health-check", quote="health check", line=354, source=RECORD_SET
)
def test_a_weighted_record_carries_a_health_check(zone, upsert, records, health_check):
    # HINT: the routing field (and its value) that makes the record weighted, weight 10.
    # BEGIN SOLUTION
    policy = {"Weight": 10}
    # END SOLUTION
    [stored] = checked_records(zone, upsert, records, health_check, policy)
    assert (stored["Weight"], stored["HealthCheckId"]) == (10, health_check)


@pytest.mark.claim(
    "route53.latency-health-check", quote="health check (failover feature)", source=RECORD_SET
)
def test_a_latency_record_carries_a_health_check(zone, upsert, records, health_check):
    # HINT: the routing field (and its value) that makes the record a latency record in
    # HINT: eu-west-1.
    # BEGIN SOLUTION
    policy = {"Region": "eu-west-1"}
    # END SOLUTION
    [stored] = checked_records(zone, upsert, records, health_check, policy)
    assert (stored["Region"], stored["HealthCheckId"]) == ("eu-west-1", health_check)


@pytest.mark.claim(
    "route53.geolocation-health-check", quote="health check", line=364, source=RECORD_SET
)
def test_a_geolocation_record_carries_a_health_check(zone, upsert, records, health_check):
    # HINT: the routing field (and its value) that makes the record answer clients in France.
    # BEGIN SOLUTION
    policy = {"GeoLocation": {"CountryCode": "FR"}}
    # END SOLUTION
    [stored] = checked_records(zone, upsert, records, health_check, policy)
    assert (stored["GeoLocation"], stored["HealthCheckId"]) == ({"CountryCode": "FR"}, health_check)


@pytest.mark.claim(
    "route53.multivalue-health-check", quote="health check", line=372, source=RECORD_SET
)
def test_a_multivalue_record_carries_a_health_check(zone, upsert, records, health_check):
    # HINT: the routing field (and its value) that makes the record a multi-value answer.
    # BEGIN SOLUTION
    policy = {"MultiValueAnswer": True}
    # END SOLUTION
    [stored] = checked_records(zone, upsert, records, health_check, policy)
    assert (stored["MultiValueAnswer"], stored["HealthCheckId"]) == (True, health_check)


@pytest.mark.claim(
    "route53.alarm-health-check-reaches-nothing",
    quote="but can integrate with cloudwatch metrics to monitor private resources",
    source="https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-types.html",
)
def test_a_health_check_of_an_alarm_contacts_no_endpoint(aws, unique_name):
    alarm = unique_name("orders-db-down")
    aws.cloudwatch.put_metric_alarm(
        AlarmName=alarm,
        Namespace="Shop/Private",
        MetricName="DatabaseUp",
        Statistic="Minimum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=1,
        ComparisonOperator="LessThanThreshold",
    )
    check = aws.route53.create_health_check(
        CallerReference=unique_name("health"),
        HealthCheckConfig={
            "Type": "CLOUDWATCH_METRIC",
            "AlarmIdentifier": {"Region": aws.region, "Name": alarm},
            "InsufficientDataHealthStatus": "LastKnownStatus",
        },
    )["HealthCheck"]
    config = aws.route53.get_health_check(HealthCheckId=check["Id"])["HealthCheck"][
        "HealthCheckConfig"
    ]
    # HINT: which endpoint fields (IPAddress, FullyQualifiedDomainName) does this
    # HINT: health check's config hold? (a set of names)
    # BEGIN SOLUTION
    endpoint_fields = set()
    # END SOLUTION
    assert {"IPAddress", "FullyQualifiedDomainName"} & set(config) == endpoint_fields
    assert config["Type"] == "CLOUDWATCH_METRIC"
