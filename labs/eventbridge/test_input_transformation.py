"""Input transformation: the target gets the message it needs, not the whole event.

The warehouse's queue wants one line per order ("order 42: 150 EUR"), not
EventBridge's JSON envelope. An *input transformer* on the rule's target
picks fields out of the event with JSON paths (``InputPathsMap``) and puts
them in a template (``InputTemplate``). A target can also get a fixed
``Input`` instead of the event, or one part of it (``InputPath``).

Notes, "aws monitoring and troubleshooting and audit > aws eventbridge".
"""

import pytest


@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack fails the delivery (TargetDeliveryFailure) when a number goes into a "
    "placeholder inside a quoted InputTemplate; AWS writes the number into the text",
)
@pytest.mark.claim(
    "eventbridge.input-transformer",
    beyond_notes="An input transformer on a rule's target picks fields out of the event "
    "(InputPathsMap) and sends the target its template filled in (InputTemplate), not the event.",
    source="https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html",
)
def test_an_input_transformer_shapes_what_the_target_gets(route, put_event, target_queue):
    # HINT: map "order" and "total" from the event's detail; the template is a JSON string:
    # HINT: '"order <order>: <total> EUR"'.
    # BEGIN SOLUTION
    transformer = {
        "InputPathsMap": {"order": "$.detail.order", "total": "$.detail.total"},
        "InputTemplate": '"order <order>: <total> EUR"',
    }
    # END SOLUTION
    route({"source": ["shop.orders"]}, InputTransformer=transformer)
    put_event({"order": 42, "total": 150})
    assert target_queue.json_bodies(at_least=1) == ["order 42: 150 EUR"]


@pytest.mark.emulator_gap(
    "moto",
    reason="moto ignores a target's Input and sends the whole event; AWS sends the constant "
    "Input instead of the event",
)
@pytest.mark.claim(
    "eventbridge.constant-input",
    beyond_notes="A target's constant Input replaces the event: the target gets that JSON text.",
    source="https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_Target.html",
)
def test_a_constant_input_replaces_the_event(route, put_event, target_queue):
    route({"source": ["shop.orders"]}, Input='{"action": "restock"}')
    put_event({"order": 42, "total": 150})
    assert target_queue.json_bodies(at_least=1) == [{"action": "restock"}]
