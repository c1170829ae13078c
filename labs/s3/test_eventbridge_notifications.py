"""S3 events through EventBridge: filter on any field, deliver to many targets.

A bucket's own notification configuration filters by key prefix and suffix
only, and sends each event to the destinations it lists. Turned on for
EventBridge (``EventBridgeConfiguration``), the bucket sends every event to the
account's default event bus instead, as an event whose ``detail`` holds the
bucket, the object's key, size, ETag... A rule there filters with a JSON event
pattern, on any of those fields (a suffix, a size above a number, a list of
values...), and sends what matches to up to five targets at once; more rules
can pick the same events.

Notes, "s3 advanced > s3 event notifications > eventbridge".
"""

import json

import pytest

from harness.testkit.inbox import Inbox

S3_EVENTBRIDGE = "https://docs.aws.amazon.com/AmazonS3/latest/userguide/EventBridge.html"
PATTERNS = (
    "https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html"
)


@pytest.fixture
def events_bucket(aws, bucket) -> str:
    """A bucket that sends its events to EventBridge."""
    aws.s3.put_bucket_notification_configuration(
        Bucket=bucket, NotificationConfiguration={"EventBridgeConfiguration": {}}
    )
    return bucket


@pytest.fixture
def inbox(aws, unique_name, eventually):
    """``inbox(stem)``: a queue EventBridge rules may send to."""

    def inbox(stem: str) -> Inbox:
        queue = Inbox.create(aws.sqs, unique_name(stem), eventually=eventually)
        queue.allow("events.amazonaws.com")
        return queue

    return inbox


def rule_to(aws, name: str, pattern: dict, *queues: Inbox) -> None:
    """A rule on the default bus: events matching ``pattern`` go to every queue."""
    aws.events.put_rule(Name=name, EventPattern=json.dumps(pattern))
    targets = [{"Id": f"queue{n}", "Arn": queue.arn} for n, queue in enumerate(queues)]
    aws.events.put_targets(Rule=name, Targets=targets)


def keys(queue: Inbox, at_least: int) -> list[str]:
    return sorted(event["detail"]["object"]["key"] for event in queue.json_bodies(at_least))


@pytest.mark.claim(
    "s3.eventbridge-json-filtering",
    quote="advanced filtering options with json rules",
    source=PATTERNS,
)
def test_a_rule_filters_s3_events_on_size_and_suffix(aws, events_bucket, inbox, unique_name):
    photos = inbox("photos")
    pattern = {
        "source": ["aws.s3"],
        "detail-type": ["Object Created"],
        "detail": {"bucket": {"name": [events_bucket]}, "object": {}},
    }
    # HINT: match only objects whose key ends in .jpg AND whose size is over 1000 bytes
    # (two content filters in pattern["detail"]["object"]: "suffix" and "numeric").
    # BEGIN SOLUTION
    pattern["detail"]["object"] = {
        "key": [{"suffix": ".jpg"}],
        "size": [{"numeric": [">", 1000]}],
    }
    # END SOLUTION
    rule_to(aws, unique_name("big-photos"), pattern, photos)
    aws.s3.put_object(Bucket=events_bucket, Key="thumb.jpg", Body=b"x" * 10)
    aws.s3.put_object(Bucket=events_bucket, Key="notes.txt", Body=b"x" * 2000)
    aws.s3.put_object(Bucket=events_bucket, Key="holiday.jpg", Body=b"x" * 2000)
    assert keys(photos, at_least=1) == ["holiday.jpg"]


@pytest.mark.claim("s3.eventbridge-many-targets", quote="multi-destinations", source=S3_EVENTBRIDGE)
def test_one_s3_event_reaches_several_targets(aws, events_bucket, inbox, unique_name):
    thumbnails, search_index = inbox("thumbnails"), inbox("search-index")
    pattern = {
        "source": ["aws.s3"],
        "detail-type": ["Object Created"],
        "detail": {"bucket": {"name": [events_bucket]}},
    }
    # HINT: one rule (name it with unique_name) that sends the matching events to both
    # queues, thumbnails and search_index (use rule_to()).
    # BEGIN SOLUTION
    rule_to(aws, unique_name("new-objects"), pattern, thumbnails, search_index)
    # END SOLUTION
    aws.s3.put_object(Bucket=events_bucket, Key="holiday.jpg", Body=b"...")
    assert keys(thumbnails, at_least=1) == ["holiday.jpg"]
    assert keys(search_index, at_least=1) == ["holiday.jpg"]
