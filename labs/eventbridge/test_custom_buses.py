"""Custom event buses: the partner bus, its policy, its archive and replays.

The shop gives its partners their own event bus. Rules belong to one bus:
an event put on the default bus never reaches a rule on the partner bus. The
bus has a resource-based policy: ``PutPermission`` lets another AWS account
put events on it. An *archive* on the bus keeps the events that match its
pattern, and a *replay* sends archived events through the bus again, for
example after a target's bug is fixed; a replayed event says which replay
it came from (``replay-name``).

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge > event buses".
"""

import datetime
import json

import pytest

PARTNER_ACCOUNT = "111122223333"


@pytest.fixture
def partner_bus(aws, unique_name) -> str:
    """The name of a new custom event bus."""
    name = unique_name("partners")
    aws.events.create_event_bus(Name=name)
    return name


@pytest.mark.claim(
    "eventbridge.custom-bus-rules",
    beyond_notes="A rule belongs to one event bus: an event put on the default bus never "
    "reaches a rule of a custom bus.",
    source="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-bus.html",
)
def test_a_rule_sees_only_its_own_bus(partner_bus, route, put_event, target_queue):
    route({"source": ["shop.orders"]}, bus=partner_bus)
    put_event({"order": "on-default"})
    # HINT: put an event with detail {"order": "on-partner-bus"} on the partner bus.
    # BEGIN SOLUTION
    put_event({"order": "on-partner-bus"}, bus=partner_bus)
    # END SOLUTION
    events = target_queue.json_bodies(at_least=1)
    assert [event["detail"]["order"] for event in events] == ["on-partner-bus"]


@pytest.mark.claim("eventbridge.bus-resource-policy", quote="can be accessed by other aws accounts")
def test_a_bus_policy_lets_another_account_put_events(aws, partner_bus):
    assert "Policy" not in aws.events.describe_event_bus(Name=partner_bus), "no one else yet"
    # HINT: PutPermission: let account PARTNER_ACCOUNT call events:PutEvents on the bus.
    # BEGIN SOLUTION
    aws.events.put_permission(
        EventBusName=partner_bus,
        Action="events:PutEvents",
        Principal=PARTNER_ACCOUNT,
        StatementId="partner",
    )
    # END SOLUTION
    bus = aws.events.describe_event_bus(Name=partner_bus)
    (statement,) = json.loads(bus["Policy"])["Statement"]
    assert statement["Effect"] == "Allow" and statement["Action"] == "events:PutEvents"
    assert PARTNER_ACCOUNT in json.dumps(statement["Principal"])
    assert statement["Resource"] == bus["Arn"]


@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack's StartReplay fails with InternalError when the archive holds events "
    "(it treats an archived event's time, a string, as a datetime); AWS replays them to the bus",
)
@pytest.mark.claim("eventbridge.archive-and-replay", quote="can replay event")
def test_archived_events_are_replayed_to_the_bus(
    aws, unique_name, partner_bus, route, put_event, target_queue, eventually
):
    bus_arn = aws.events.describe_event_bus(Name=partner_bus)["Arn"]
    archive = aws.events.create_archive(
        ArchiveName=unique_name("orders"),
        EventSourceArn=bus_arn,
        EventPattern=json.dumps({"source": ["shop.orders"]}),
    )["ArchiveArn"]
    route({"source": ["shop.orders"]}, bus=partner_bus)
    started = datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=1)
    put_event({"order": 7}, bus=partner_bus)
    (first,) = target_queue.json_bodies(at_least=1)
    assert "replay-name" not in first
    replay = unique_name("fix")
    # HINT: replay the archive's events from `started` until a minute from now, to the bus.
    # BEGIN SOLUTION
    aws.events.start_replay(
        ReplayName=replay,
        EventSourceArn=archive,
        EventStartTime=started,
        EventEndTime=datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=1),
        Destination={"Arn": bus_arn},
    )
    # END SOLUTION
    (again,) = target_queue.json_bodies(at_least=1)
    assert (again["detail"], again["replay-name"]) == ({"order": 7}, replay)


@pytest.mark.claim(
    "eventbridge.bus-policy-removed",
    quote="resource-based policy",
    line=1240,
    source="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_RemovePermission.html",
)
def test_removing_the_statement_closes_the_bus_again(aws, partner_bus):
    aws.events.put_permission(
        EventBusName=partner_bus,
        Action="events:PutEvents",
        Principal=PARTNER_ACCOUNT,
        StatementId="partner",
    )
    assert "Policy" in aws.events.describe_event_bus(Name=partner_bus)
    # HINT: take the partner's statement ("partner") out of the bus's policy.
    # BEGIN SOLUTION
    aws.events.remove_permission(EventBusName=partner_bus, StatementId="partner")
    # END SOLUTION
    policy = aws.events.describe_event_bus(Name=partner_bus).get("Policy")
    # No policy, or one with no statement left: either way nobody else may put events.
    assert policy is None or json.loads(policy).get("Statement", []) == []
