"""Parallel and Map: fan work out inside one execution.

When an order is confirmed, two things happen at once: the invoice is
prepared and the parcel is booked. A Parallel state runs its branches
concurrently, waits for all of them, and outputs an array with each
branch's output, in branch order. Then each item of the order is checked:
a Map state runs the same steps for every element of an array in the input
and outputs the array of results.

Notes, "other serverless > step function -- states".
"""

import pytest


def branch(name: str, result) -> dict:
    """A branch of one Pass state that outputs ``result``."""
    return {"StartAt": name, "States": {name: {"Type": "Pass", "Result": result, "End": True}}}


@pytest.mark.claim(
    "stepfunctions.parallel-state", quote="parallel state -- begin parallel branches of execution"
)
def test_a_parallel_state_outputs_every_branchs_result(workflows):
    definition = {
        "StartAt": "Confirm",
        "States": {
            "Confirm": {
                "Type": "Parallel",
                "Branches": [branch("Invoice", "INV-1"), branch("Parcel", {"carrier": "post"})],
                "End": True,
            }
        },
    }
    execution = workflows.run(definition, {"order": 1})
    # HINT: the Parallel state's output: one element per branch, in the order of Branches.
    # BEGIN SOLUTION
    expected_output = ["INV-1", {"carrier": "post"}]
    # END SOLUTION
    assert execution["output"] == expected_output


@pytest.mark.claim("stepfunctions.map-state", quote="map state -- dynamic iterate steps")
def test_a_map_state_runs_its_steps_for_every_item(workflows):
    # HINT: a Map state over $.items whose iterator is one Pass state with Parameters
    # HINT: {"sku.$": "$.sku", "checked": true}.
    # BEGIN SOLUTION
    check_items = {
        "Type": "Map",
        "ItemsPath": "$.items",
        "ItemProcessor": {
            "StartAt": "Check",
            "States": {
                "Check": {
                    "Type": "Pass",
                    "Parameters": {"sku.$": "$.sku", "checked": True},
                    "End": True,
                }
            },
        },
        "End": True,
    }
    # END SOLUTION
    definition = {"StartAt": "CheckItems", "States": {"CheckItems": check_items}}
    items = [{"sku": "tv", "price": 900}, {"sku": "pen", "price": 3}, {"sku": "ink", "price": 9}]
    execution = workflows.run(definition, {"order": 1, "items": items})
    assert execution["output"] == [
        {"sku": "tv", "checked": True},
        {"sku": "pen", "checked": True},
        {"sku": "ink", "checked": True},
    ]
