"""Sampling: which requests the X-Ray SDK records, and how to change it.

Tracing every request of a busy service costs money and bandwidth, so the
X-Ray SDK *samples*. Its default rule has two parts:

- a *reservoir* of 1 request per second: the first request in each second is
  always recorded, so even a quiet service shows up in every second it works;
- a *rate* of 5 %: of the requests beyond the reservoir, one in twenty.

Custom rules (matched on host, HTTP method and URL path, first match wins)
override it: never trace health checks, always trace checkouts.

The SDK decides locally, per request, with the process clock: the lab asks
the SDK's local sampler about thousands of requests and moves the clock a
second at a time with ``sdk_clock.advance`` (instant on every backend).

Notes, "aws monitoring and troubleshooting and audit > aws x-ray > sampling rules".
"""

from __future__ import annotations

import math

import pytest
from aws_xray_sdk.core.sampling.local.sampler import LocalSampler

REQUESTS_PER_SECOND = 1000


def traced(sampler: LocalSampler, count: int, **request) -> int:
    """How many of ``count`` requests (all in the current second) the sampler records."""
    return sum(bool(sampler.should_trace(request or None)) for _ in range(count))


@pytest.mark.claim(
    "xray.default-sampling",
    quote="By default, the X-Ray SDK records the first request `each second`",
)
def test_the_first_request_each_second_then_five_percent(sdk_clock):
    # HINT: the default rule: how many requests per second are always recorded (the
    # HINT: reservoir), and which fraction of the rest (the rate)?
    # BEGIN SOLUTION
    reservoir, rate = 1, 0.05
    # END SOLUTION
    sampler = LocalSampler()
    seconds, beyond_reservoir = 5, 0
    for _ in range(seconds):
        sdk_clock.advance(1)
        assert traced(sampler, reservoir) == reservoir, "the reservoir comes first"
        beyond_reservoir += traced(sampler, REQUESTS_PER_SECOND - reservoir)
    others = seconds * (REQUESTS_PER_SECOND - reservoir)
    spread = 4 * math.sqrt(others * rate * (1 - rate))  # four standard deviations
    assert abs(beyond_reservoir - others * rate) < spread


@pytest.mark.claim("xray.reservoir", quote="`One request per second is the reservoir`")
def test_a_quiet_service_is_traced_every_second(sdk_clock):
    sampler = LocalSampler()
    # HINT: a service gets exactly one request per second for 10 seconds. How many of them
    # HINT: does the default rule record?
    # BEGIN SOLUTION
    expected = 10
    # END SOLUTION
    recorded = 0
    for _ in range(10):
        sdk_clock.advance(1)
        recorded += traced(sampler, 1)
    assert recorded == expected


@pytest.mark.claim("xray.custom-sampling-rules", quote="custom sampling rules")
def test_custom_rules_skip_health_checks_and_keep_every_checkout(sdk_clock):
    # HINT: local rules (version 2): GET /health never recorded (no reservoir, rate 0),
    # HINT: POST /checkout always recorded (rate 1), everything else the default rule.
    # HINT: A rule has description, host, http_method, url_path, fixed_target, rate.
    # BEGIN SOLUTION
    rules = {
        "version": 2,
        "rules": [
            {
                "description": "health checks",
                "host": "*",
                "http_method": "GET",
                "url_path": "/health",
                "fixed_target": 0,
                "rate": 0.0,
            },
            {
                "description": "checkouts",
                "host": "*",
                "http_method": "POST",
                "url_path": "/checkout",
                "fixed_target": 0,
                "rate": 1.0,
            },
        ],
        "default": {"fixed_target": 1, "rate": 0.05},
    }
    # END SOLUTION
    sampler = LocalSampler(rules)
    sdk_clock.advance(1)
    assert traced(sampler, 200, method="GET", path="/health") == 0
    assert traced(sampler, 200, method="POST", path="/checkout") == 200
    browsing = traced(sampler, 200, method="GET", path="/products")
    assert 1 <= browsing < 40, "the default rule: the reservoir, then about 5 %"


@pytest.mark.emulator_gap(
    "moto",
    reason="moto has no sampling-rule API (CreateSamplingRule is not implemented); AWS stores "
    "central rules that every SDK polls",
)
@pytest.mark.claim(
    "xray.central-sampling-rules",
    quote="custom sampling rules",
    source="https://docs.aws.amazon.com/xray/latest/api/API_CreateSamplingRule.html",
)
def test_a_central_rule_is_stored_in_xray(aws, unique_name):
    name = unique_name("checkout")[:32]
    # HINT: create a central sampling rule `name`: POST /checkout on any host and service,
    # HINT: reservoir 0, rate 1.0 (priority 10, version 1, ResourceARN, ServiceType "*").
    # BEGIN SOLUTION
    aws.xray.create_sampling_rule(
        SamplingRule={
            "RuleName": name,
            "Priority": 10,
            "FixedRate": 1.0,
            "ReservoirSize": 0,
            "ServiceName": "*",
            "ServiceType": "*",
            "Host": "*",
            "HTTPMethod": "POST",
            "URLPath": "/checkout",
            "ResourceARN": "*",
            "Version": 1,
        }
    )
    # END SOLUTION
    rules = aws.xray.get_sampling_rules()["SamplingRuleRecords"]
    stored = {rule["SamplingRule"]["RuleName"]: rule["SamplingRule"] for rule in rules}
    assert stored[name]["FixedRate"] == 1.0
    assert "Default" in stored, "the default rule: reservoir 1, rate 5 %"


@pytest.mark.claim(
    "xray.rate-beyond-reservoir",
    quote="`Five percent is the rate` at which additional requests beyond the reservoir",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-sdk-python-configuration.html",
)
def test_the_rate_applies_to_the_requests_beyond_the_reservoir(sdk_clock):
    sampler = LocalSampler()
    seconds, per_second = 10, 2001
    # HINT: predict how many of `per_second` requests a second the default rule records on
    # HINT: average (a formula of per_second is fine).
    # BEGIN SOLUTION
    expected_per_second = 1 + 0.05 * (per_second - 1)
    # END SOLUTION
    recorded = 0
    for _ in range(seconds):
        sdk_clock.advance(1)
        recorded += traced(sampler, per_second)
    beyond = seconds * (per_second - 1)
    spread = 4 * math.sqrt(beyond * 0.05 * 0.95)  # four standard deviations
    assert abs(recorded - seconds * expected_per_second) < spread


#: A rule file that holds only a default rule: no reservoir, and ``rate`` of the requests.
def only_default(rate: float) -> dict:
    return {"version": 2, "rules": [], "default": {"fixed_target": 0, "rate": rate}}


@pytest.mark.claim(
    "xray.trace-every-request",
    quote="every request",
    line=1261,
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html",
)
def test_a_rate_of_one_traces_every_request(sdk_clock):
    # HINT: the sampling rule file (only_default(...)) that records every request.
    # BEGIN SOLUTION
    rules = only_default(1.0)
    # END SOLUTION
    sampler = LocalSampler(rules)
    for _ in range(3):
        sdk_clock.advance(1)
        assert traced(sampler, REQUESTS_PER_SECOND) == REQUESTS_PER_SECOND
    sdk_clock.advance(1)
    assert traced(LocalSampler(), REQUESTS_PER_SECOND) < REQUESTS_PER_SECOND, "the default"


@pytest.mark.claim(
    "xray.trace-a-percentage",
    quote="sample request (%, for example 3%)",
    source="https://docs.aws.amazon.com/xray/latest/devguide/xray-console-sampling.html",
)
def test_a_rate_of_three_percent_traces_three_requests_in_a_hundred(sdk_clock):
    # HINT: the sampling rule file (only_default(...)) that records 3 % of requests.
    # BEGIN SOLUTION
    rules = only_default(0.03)
    # END SOLUTION
    sampler = LocalSampler(rules)
    requests = 10 * REQUESTS_PER_SECOND
    recorded = 0
    for _ in range(10):
        sdk_clock.advance(1)
        recorded += traced(sampler, REQUESTS_PER_SECOND)
    spread = 4 * math.sqrt(requests * 0.03 * 0.97)  # four standard deviations
    assert abs(recorded - requests * 0.03) < spread
