"""React to an API call: CloudTrail's events on EventBridge.

Every management call CloudTrail records also goes to the account's default
event bus, as an event whose ``detail-type`` is "AWS API Call via CloudTrail",
whose ``source`` is the called service (``aws.s3``) and whose ``detail`` is the
CloudTrail record. A rule can match one call ("someone deleted a bucket") and
alert a team. The event below has the shape AWS documents; ``TestEventPattern``
shows which rule matches it. That CloudTrail emits it takes a real account.

Notes, "aws monitoring and troubleshooting and audit > aws cloudtrail".
"""

from __future__ import annotations

import json

import pytest

CLOUDTRAIL_EVENTS = (
    "https://docs.aws.amazon.com/eventbridge/latest/ref/events-structure-cloudtrail.html"
)


def api_call(event_name: str) -> str:
    """An event as CloudTrail puts it on the default bus for a call to S3's ``event_name``."""
    return json.dumps(
        {
            "version": "0",
            "id": "6f2a8e49-0c1b-4d4b-9a0e-2b5f6a9d1c3e",
            "detail-type": "AWS API Call via CloudTrail",
            "source": "aws.s3",
            "account": "123456789012",
            "time": "2026-01-01T12:00:00Z",
            "region": "us-east-1",
            "resources": [],
            "detail": {
                "eventVersion": "1.09",
                "eventSource": "s3.amazonaws.com",
                "eventName": event_name,
                "awsRegion": "us-east-1",
                "requestParameters": {"bucketName": "invoices"},
            },
        }
    )


@pytest.mark.emulator_gap(
    "moto",
    reason="moto's TestEventPattern answers without a Result; AWS answers Result true or false",
)
@pytest.mark.claim(
    "cloudtrail.eventbridge-rule-on-an-api-call",
    quote="integration with eventbridge",
    source=CLOUDTRAIL_EVENTS,
)
def test_a_rule_matches_one_api_call(aws):
    # HINT: an event pattern that matches S3's DeleteBucket calls recorded by CloudTrail, and
    # no other call (detail-type, source, and the event name inside detail).
    # BEGIN SOLUTION
    pattern = {
        "detail-type": ["AWS API Call via CloudTrail"],
        "source": ["aws.s3"],
        "detail": {"eventName": ["DeleteBucket"]},
    }
    # END SOLUTION
    test = aws.events.test_event_pattern
    assert test(EventPattern=json.dumps(pattern), Event=api_call("DeleteBucket"))["Result"]
    assert not test(EventPattern=json.dumps(pattern), Event=api_call("CreateBucket"))["Result"]
