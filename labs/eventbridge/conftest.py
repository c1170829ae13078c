"""Shared fixtures for the EventBridge labs: an SQS queue as the target that shows what arrived."""

from __future__ import annotations

import json

import pytest

from harness.testkit.inbox import Inbox


@pytest.fixture
def target_queue(aws, unique_name, eventually) -> Inbox:
    """A new SQS queue whose access policy lets EventBridge send to it.

    ``target_queue.json_bodies(at_least=1)``: the events delivered so far (deleted as read).
    """
    queue = Inbox.create(aws.sqs, unique_name("events"), eventually=eventually)
    queue.allow("events.amazonaws.com")
    return queue


@pytest.fixture
def event_resource(unique_name) -> str:
    """An ARN that only this test's events carry (their ``resources``).

    The default bus is shared: on LocalStack or AWS, tests running side by side
    put events on the same bus. ``put_event`` tags every event with this ARN and
    ``route`` matches only events tagged with it, so a rule sees its own test's
    events and no one else's.
    """
    return f"arn:aws:s3:::{unique_name('events')}"


@pytest.fixture
def route(aws, unique_name, target_queue, event_resource):
    """``route(pattern, bus="default", **target)``: a rule sending matching events to the queue.

    ``target`` adds fields to the rule's target, such as ``InputTransformer={...}``.
    The rule also requires this test's ``event_resource``, so it matches only the
    events this test put. Returns the rule's name.
    """

    def route(pattern: dict, bus: str = "default", **target) -> str:
        name = unique_name("rule")
        pattern = {"resources": [event_resource], **pattern}
        aws.events.put_rule(Name=name, EventBusName=bus, EventPattern=json.dumps(pattern))
        aws.events.put_targets(
            Rule=name,
            EventBusName=bus,
            Targets=[{"Id": "queue", "Arn": target_queue.arn, **target}],
        )
        return name

    return route


@pytest.fixture
def put_event(aws, event_resource):
    """``put_event(detail, source="shop.orders", detail_type="OrderPlaced", bus="default")``.

    The event's ``resources`` is this test's ``event_resource`` (see ``route``).
    """

    def put_event(
        detail: dict, source: str = "shop.orders", detail_type: str = "OrderPlaced", bus="default"
    ) -> str:
        response = aws.events.put_events(
            Entries=[
                {
                    "Source": source,
                    "DetailType": detail_type,
                    "Detail": json.dumps(detail),
                    "EventBusName": bus,
                    "Resources": [event_resource],
                }
            ]
        )
        assert response["FailedEntryCount"] == 0, response["Entries"]
        return response["Entries"][0]["EventId"]

    return put_event
