"""What a trail records: management events, data events, Insights events.

*Management events* are calls that manage resources (``CreateBucket``,
``RunInstances``): a new trail records them all, reads and writes, through its
one default *event selector*. A selector can keep only the writes
(``ReadWriteType="WriteOnly"``) or only the reads. *Data events* are the calls
on the data inside a resource (``GetObject``, ``PutObject``, Lambda's
``Invoke``): far more numerous, so a trail records none until a selector names
the resources. *Insights events* are findings: CloudTrail learns the usual rate
of write calls (or of errors) and records an event when it becomes unusual; a
trail finds none until Insights is turned on.

Notes, "aws monitoring and troubleshooting and audit > aws cloudtrail > cloudtrail events".
"""

from __future__ import annotations

import pytest

SELECTORS = "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html"
PUT_SELECTORS = (
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_PutEventSelectors.html"
)
INSIGHTS = (
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_GetInsightSelectors.html"
)


@pytest.mark.emulator_gap(
    "moto",
    reason="moto gives a new trail no event selector; AWS gives it one that records every "
    "management event, reads and writes (ReadWriteType All, IncludeManagementEvents true)",
)
@pytest.mark.claim(
    "cloudtrail.management-events-by-default",
    quote="management events (enabled by default)",
    source=SELECTORS,
)
def test_a_new_trail_records_every_management_event(aws, trail):
    [selector] = aws.cloudtrail.get_event_selectors(TrailName=trail)["EventSelectors"]
    # HINT: predict the default selector's ReadWriteType and IncludeManagementEvents.
    # BEGIN SOLUTION
    expected = ("All", True)
    # END SOLUTION
    assert (selector["ReadWriteType"], selector["IncludeManagementEvents"]) == expected


@pytest.mark.emulator_gap(
    "moto",
    reason="moto stores any ReadWriteType ('Sometimes' too); AWS takes ReadOnly, WriteOnly or "
    "All and refuses another value (InvalidEventSelectorsException)",
)
@pytest.mark.claim(
    "cloudtrail.read-or-write-events",
    quote="can separate `read events` and `write events`",
    source=PUT_SELECTORS,
)
def test_a_trail_can_keep_only_write_events(aws, trail, error_code):
    # HINT: make the trail record only the management calls that change something.
    # BEGIN SOLUTION
    aws.cloudtrail.put_event_selectors(
        TrailName=trail,
        EventSelectors=[{"ReadWriteType": "WriteOnly", "IncludeManagementEvents": True}],
    )
    # END SOLUTION
    [selector] = aws.cloudtrail.get_event_selectors(TrailName=trail)["EventSelectors"]
    assert selector["ReadWriteType"] == "WriteOnly"
    refused = error_code(
        aws.cloudtrail.put_event_selectors,
        TrailName=trail,
        EventSelectors=[{"ReadWriteType": "Sometimes", "IncludeManagementEvents": True}],
    )
    assert refused == "InvalidEventSelectorsException"


@pytest.mark.claim(
    "cloudtrail.data-events-off-by-default",
    quote="data events (not enabled by default due to a large amount of operations)",
)
def test_data_events_are_recorded_only_for_the_resources_named(aws, trail, log_bucket):
    before = aws.cloudtrail.get_event_selectors(TrailName=trail)["EventSelectors"]
    assert [s for s in before if s.get("DataResources")] == [], "no data events by default"
    # HINT: add a selector recording the object-level calls (AWS::S3::Object) on log_bucket's
    # objects (the value is the bucket's ARN followed by a slash).
    # BEGIN SOLUTION
    aws.cloudtrail.put_event_selectors(
        TrailName=trail,
        EventSelectors=[
            {
                "ReadWriteType": "All",
                "IncludeManagementEvents": True,
                "DataResources": [
                    {"Type": "AWS::S3::Object", "Values": [f"arn:aws:s3:::{log_bucket}/"]}
                ],
            }
        ],
    )
    # END SOLUTION
    [selector] = aws.cloudtrail.get_event_selectors(TrailName=trail)["EventSelectors"]
    assert selector["DataResources"] == [
        {"Type": "AWS::S3::Object", "Values": [f"arn:aws:s3:::{log_bucket}/"]}
    ]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto answers GetInsightSelectors for a trail without Insights with no selector; "
    "AWS refuses it (InsightNotEnabledException)",
)
@pytest.mark.claim(
    "cloudtrail.insights-events",
    quote="cloudtrail insights events (findings)",
    source=INSIGHTS,
)
def test_insights_are_off_until_turned_on(aws, trail, error_code):
    refused = error_code(aws.cloudtrail.get_insight_selectors, TrailName=trail)
    assert refused == "InsightNotEnabledException"
    # HINT: turn on the Insights that watch the rate of write calls on the trail.
    # BEGIN SOLUTION
    aws.cloudtrail.put_insight_selectors(
        TrailName=trail, InsightSelectors=[{"InsightType": "ApiCallRateInsight"}]
    )
    # END SOLUTION
    selectors = aws.cloudtrail.get_insight_selectors(TrailName=trail)["InsightSelectors"]
    assert selectors == [{"InsightType": "ApiCallRateInsight"}]
