"""Event history: every account's last 90 days of API calls, with no trail at all.

CloudTrail records the management calls made in an account (who called which
API, when, from where) without being set up: ``LookupEvents`` reads this
*event history*, newest first. An auditor asks it "who deleted that bucket?";
the answer names the caller's identity. A trail is only needed to keep events
longer than 90 days, in S3 (``test_trails.py``).

moto has no ``LookupEvents`` (nor LocalStack's free edition any CloudTrail):
these claims stand on AWS's documentation, and the labs show how to ask.

Notes, "aws monitoring and troubleshooting and audit > aws cloudtrail" and
"monitoring in aws > aws cloudtrail".
"""

from __future__ import annotations

import json

import pytest

EVENT_HISTORY = (
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/view-cloudtrail-events.html"
)
LOOKUP_EVENTS = (
    "https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_LookupEvents.html"
)
NO_LOOKUP = "moto has no LookupEvents (not implemented); AWS lists the account's management events"

#: CloudTrail delivers an event to the history within about 5 minutes of the call.
DELIVERY = 120


@pytest.fixture
def history(aws, eventually):
    """``history(resource, at_least)``: the events about ``resource``, newest first."""

    def history(resource: str, at_least: int = 1) -> list[dict]:
        def events() -> list[dict]:
            found = aws.cloudtrail.lookup_events(
                LookupAttributes=[{"AttributeKey": "ResourceName", "AttributeValue": resource}]
            )["Events"]
            return found if len(found) >= at_least else []

        return eventually(events, aws_takes=DELIVERY)

    return history


@pytest.mark.emulator_gap("moto", reason=NO_LOOKUP)
@pytest.mark.claim(
    "cloudtrail.event-history-by-default",
    quote="enabled by default",
    line=1311,
    source=EVENT_HISTORY,
)
def test_a_call_is_recorded_without_any_trail(aws, make_bucket, history):
    bucket = make_bucket("audited")
    # HINT: the name of the event CloudTrail records for the call that made the bucket.
    # BEGIN SOLUTION
    expected = "CreateBucket"
    # END SOLUTION
    assert [event["EventName"] for event in history(bucket)] == [expected]


@pytest.mark.emulator_gap("moto", reason=NO_LOOKUP)
@pytest.mark.claim("cloudtrail.api-calls", quote="api calls", line=1141, source=LOOKUP_EVENTS)
def test_an_event_names_the_service_and_the_api_call(aws, make_bucket, history):
    bucket = make_bucket("audited")
    [event] = history(bucket)
    record = json.loads(event["CloudTrailEvent"])
    # HINT: predict the event's source (the service's endpoint name) and its event name.
    # BEGIN SOLUTION
    source, name = "s3.amazonaws.com", "CreateBucket"
    # END SOLUTION
    assert (record["eventSource"], record["eventName"]) == (source, name)


@pytest.mark.emulator_gap("moto", reason=NO_LOOKUP)
@pytest.mark.claim("cloudtrail.auditing-who", quote="auditing", source=LOOKUP_EVENTS)
def test_an_event_names_who_made_the_call(aws, make_bucket, history):
    caller = aws.sts.get_caller_identity()["Arn"]
    bucket = make_bucket("audited")
    [event] = history(bucket)
    record = json.loads(event["CloudTrailEvent"])
    # HINT: the field of the record that says who called, and the part of it holding the ARN.
    # BEGIN SOLUTION
    who = record["userIdentity"]["arn"]
    # END SOLUTION
    assert who == caller


@pytest.mark.emulator_gap("moto", reason=NO_LOOKUP)
@pytest.mark.claim(
    "cloudtrail.history-newest-first",
    quote="get a history of events/api calls made within aws account",
    source=LOOKUP_EVENTS,
)
def test_the_history_lists_the_newest_call_first(aws, make_bucket, history):
    bucket = make_bucket("audited")
    aws.s3.put_bucket_tagging(Bucket=bucket, Tagging={"TagSet": [{"Key": "team", "Value": "a"}]})
    # HINT: the two event names, in the order LookupEvents lists them.
    # BEGIN SOLUTION
    expected = ["PutBucketTagging", "CreateBucket"]
    # END SOLUTION
    assert [event["EventName"] for event in history(bucket, at_least=2)] == expected
