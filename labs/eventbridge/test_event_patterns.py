"""Event patterns: a rule picks the events it wants from a bus.

The shop puts an event on the default event bus for every order. The
fulfilment team wants only big orders from France: their rule's *event
pattern* matches on the event's fields (``source``, ``detail-type``) and
inside ``detail``, with exact values, prefixes, numeric comparisons and
``anything-but``. ``TestEventPattern`` checks a pattern against an event
without any bus. A
matching event is sent to the rule's target, here an SQS queue, as the whole
EventBridge event (JSON); an event that matches no rule goes nowhere.

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge".
"""

import json

import pytest


@pytest.mark.claim("eventbridge.event-pattern-routing", quote="event patterns")
def test_only_matching_events_reach_the_target(route, put_event, target_queue):
    # HINT: source "shop.orders", detail-type "OrderPlaced", detail.total >= 100,
    # HINT: detail.country starting with "FR".
    # BEGIN SOLUTION
    pattern = {
        "source": ["shop.orders"],
        "detail-type": ["OrderPlaced"],
        "detail": {"total": [{"numeric": [">=", 100]}], "country": [{"prefix": "FR"}]},
    }
    # END SOLUTION
    route(pattern)
    put_event({"order": "big-fr", "total": 150, "country": "FR"})
    put_event({"order": "small-fr", "total": 20, "country": "FR"})
    put_event({"order": "big-de", "total": 300, "country": "DE"})
    put_event({"order": "refund", "total": 150, "country": "FR"}, detail_type="OrderRefunded")
    (event,) = target_queue.json_bodies(at_least=1)
    assert event["detail"]["order"] == "big-fr"
    assert (event["source"], event["detail-type"]) == ("shop.orders", "OrderPlaced")
    assert {"id", "time", "region", "detail"} <= event.keys()


@pytest.mark.claim("eventbridge.anything-but", quote="event patterns")
def test_anything_but_matches_every_other_value(route, put_event, target_queue):
    route({"source": ["shop.orders"], "detail": {"country": [{"anything-but": ["DE"]}]}})
    for country in ("FR", "DE", "ES"):
        put_event({"country": country})
    # HINT: which countries' events reach the queue? (sorted)
    # BEGIN SOLUTION
    delivered = ["ES", "FR"]
    # END SOLUTION
    events = target_queue.json_bodies(at_least=len(delivered))
    assert sorted(event["detail"]["country"] for event in events) == delivered


@pytest.mark.emulator_gap(
    "moto", reason="moto does not implement TestEventPattern; AWS answers with Result"
)
@pytest.mark.claim("eventbridge.test-event-pattern", quote="event patterns")
def test_a_pattern_is_tested_without_a_bus(aws):
    pattern = {"source": ["shop.orders"], "detail": {"country": [{"anything-but": ["DE"]}]}}

    def matches(country: str) -> bool:
        event = {
            "id": "1",
            "account": "123456789012",
            "source": "shop.orders",
            "time": "2024-01-01T00:00:00Z",
            "region": "us-east-1",
            "resources": [],
            "detail-type": "OrderPlaced",
            "detail": {"country": country},
        }
        return aws.events.test_event_pattern(
            EventPattern=json.dumps(pattern), Event=json.dumps(event)
        )["Result"]

    assert {country: matches(country) for country in ("FR", "DE", "ES")} == {
        "FR": True,
        "DE": False,
        "ES": True,
    }
