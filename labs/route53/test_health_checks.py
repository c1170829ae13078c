"""Watching the shop: the kinds of Route 53 health check.

An endpoint check (``HTTP``, ``HTTPS`` or ``TCP``) has Route 53's health
checkers ask an IP address or a domain name, every 30 seconds by default (10
for a fast check), and counts the endpoint unhealthy after 3 failures in a row
by default (1 to 10). Besides checking an endpoint's status code, a health
check can look for a string in the response
(``HTTP_STR_MATCH``/``HTTPS_STR_MATCH``: Route 53 reads only the first 5,120
bytes of the body); it can combine other health checks (``CALCULATED``:
healthy while at least ``HealthThreshold`` of its children are, like a
composite alarm); or it can follow a CloudWatch alarm (``CLOUDWATCH_METRIC``:
healthy while the alarm is not in ALARM), which is how a resource the health
checkers cannot reach gets watched.

An emulator runs no health checkers: these labs check the health checks
Route 53 holds.

Notes, "route53 > health check".
"""

import pytest

HEALTH_CHECK_VALUES = (
    "https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html"
)


@pytest.fixture
def endpoint_check(aws, unique_name):
    """``endpoint_check(host)``: the id of a new HTTPS health check of ``host``:443/health."""

    def endpoint_check(host: str) -> str:
        return aws.route53.create_health_check(
            CallerReference=unique_name("health"),
            HealthCheckConfig={
                "Type": "HTTPS",
                "FullyQualifiedDomainName": host,
                "Port": 443,
                "ResourcePath": "/health",
            },
        )["HealthCheck"]["Id"]

    return endpoint_check


def config_of(aws, health_check_id: str) -> dict:
    health_check = aws.route53.get_health_check(HealthCheckId=health_check_id)["HealthCheck"]
    return health_check["HealthCheckConfig"]


@pytest.mark.claim(
    "route53.endpoint-health-check-defaults",
    quote="health check",
    line=301,
    source="https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html",
)
def test_an_endpoint_is_checked_every_30_seconds_by_default(aws, unique_name):
    def create(**config) -> dict:
        config = {"IPAddress": "192.0.2.44", "Port": 443, **config}
        created = aws.route53.create_health_check(
            CallerReference=unique_name(config["Type"]), HealthCheckConfig=config
        )
        return created["HealthCheck"]["HealthCheckConfig"]

    https = create(Type="HTTPS", ResourcePath="/health")
    # HINT: by default, every how many seconds does each health checker ask, and after how
    # HINT: many failures in a row is the endpoint unhealthy?
    # BEGIN SOLUTION
    expected = {"RequestInterval": 30, "FailureThreshold": 3}
    # END SOLUTION
    assert {setting: https[setting] for setting in expected} == expected
    fast = create(Type="TCP", RequestInterval=10, FailureThreshold=1)
    assert (fast["Type"], fast["RequestInterval"], fast["FailureThreshold"]) == ("TCP", 10, 1)


@pytest.mark.claim(
    "route53.health-check-string-match",
    quote="can be configured to only check on the first 5120 bytes of the responses",
    source=HEALTH_CHECK_VALUES,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's GetHealthCheck answers without the SearchString (CreateHealthCheck "
    "and ListHealthChecks show it); AWS returns it",
)
def test_a_health_check_looks_for_a_string_in_the_response(aws, unique_name):
    config = {
        "FullyQualifiedDomainName": "www.example.org",
        "Port": 443,
        "ResourcePath": "/health",
    }
    # HINT: `config` must also make the check HTTPS and healthy only while the body
    # (its first 5,120 bytes) contains "status: ok".
    # BEGIN SOLUTION
    config.update({"Type": "HTTPS_STR_MATCH", "SearchString": "status: ok"})
    # END SOLUTION
    check = aws.route53.create_health_check(
        CallerReference=unique_name("health"), HealthCheckConfig=config
    )["HealthCheck"]
    stored = config_of(aws, check["Id"])
    assert (stored["Type"], stored["SearchString"]) == ("HTTPS_STR_MATCH", "status: ok")


@pytest.mark.claim(
    "route53.calculated-health-check",
    quote="calculated health checks (similar to composite alarms)",
    source=HEALTH_CHECK_VALUES,
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's GetHealthCheck answers without the ChildHealthChecks "
    "(CreateHealthCheck shows them); AWS returns them",
)
def test_a_calculated_health_check_combines_others(aws, endpoint_check, unique_name):
    children = [endpoint_check("eu.example.org"), endpoint_check("us.example.org")]
    parent = None
    # HINT: create a health check (keep its id in `parent`) that is healthy while at
    # least one of `children` is.
    # BEGIN SOLUTION
    parent = aws.route53.create_health_check(
        CallerReference=unique_name("either"),
        HealthCheckConfig={
            "Type": "CALCULATED",
            "ChildHealthChecks": children,
            "HealthThreshold": 1,
        },
    )["HealthCheck"]["Id"]
    # END SOLUTION
    stored = config_of(aws, parent)
    assert stored["Type"] == "CALCULATED"
    assert (sorted(stored["ChildHealthChecks"]), stored["HealthThreshold"]) == (sorted(children), 1)


@pytest.mark.claim(
    "route53.health-check-cloudwatch-alarm",
    quote="monitor cloudwatch alarms",
    source=HEALTH_CHECK_VALUES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto drops the AlarmIdentifier of a CLOUDWATCH_METRIC health check; AWS keeps it",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack drops the AlarmIdentifier of a CLOUDWATCH_METRIC health check; AWS keeps it",
)
def test_a_health_check_follows_a_cloudwatch_alarm(aws, unique_name):
    # The orders database sits in a private subnet: no health checker can reach it,
    # but a metric about it can raise an alarm.
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
    check = None
    # HINT: create a health check (keep what create_health_check returns in `check`) that
    # follows the alarm (its Region is aws.region) and counts as unhealthy while the alarm
    # has too little data.
    # BEGIN SOLUTION
    check = aws.route53.create_health_check(
        CallerReference=unique_name("health"),
        HealthCheckConfig={
            "Type": "CLOUDWATCH_METRIC",
            "AlarmIdentifier": {"Region": aws.region, "Name": alarm},
            "InsufficientDataHealthStatus": "Unhealthy",
        },
    )
    # END SOLUTION
    stored = config_of(aws, check["HealthCheck"]["Id"])
    assert stored["Type"] == "CLOUDWATCH_METRIC"
    assert stored["AlarmIdentifier"] == {"Region": aws.region, "Name": alarm}
    assert stored["InsufficientDataHealthStatus"] == "Unhealthy"


@pytest.mark.claim(
    "route53.health-check-public-endpoints",
    quote="http health check only for public resources",
    source=HEALTH_CHECK_VALUES,
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto creates a health check of a private IP address (10.0.0.5); AWS refuses it "
    "(InvalidInput): its health checkers are on the Internet",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack creates a health check of a private IP address (10.0.0.5); AWS refuses "
    "it (InvalidInput)",
)
def test_an_endpoint_check_needs_a_public_address(aws, unique_name, error_code):
    def refusal(address: str) -> str | None:
        config = {"Type": "HTTP", "IPAddress": address, "Port": 80, "ResourcePath": "/health"}
        create = aws.route53.create_health_check
        return error_code(create, CallerReference=unique_name(address), HealthCheckConfig=config)

    # HINT: what does Route 53 answer a check of each address? (None, or the error code)
    # BEGIN SOLUTION
    expected = {"192.0.2.44": None, "10.0.0.5": "InvalidInput"}
    # END SOLUTION
    assert {address: refusal(address) for address in expected} == expected
