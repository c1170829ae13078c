"""An order workflow: Pass, Choice, Succeed and Fail states.

An order arrives as the execution's input. A Pass state stamps it with the
shop's name without doing any work; a Choice state sends big orders (100 or
more) to review and the others to approval; an order without items goes to a
Fail state, which stops the execution as FAILED with an error name and a
cause; Succeed stops it as SUCCEEDED.

Notes, "other serverless > step functions" and "step function -- states".
"""

import pytest


def order_workflow(choice: dict) -> dict:
    """Stamp, then ``choice``; only the states the choice leads to are in the workflow, as
    Step Functions refuses a state nothing leads to (``MISSING_TRANSITION_TARGET``)."""
    named = {rule.get("Next") for rule in choice.get("Choices", [])} | {choice.get("Default")}
    if "Approve" in named:
        named.add("Done")
    workflow = {
        "StartAt": "Stamp",
        "States": {
            "Stamp": {
                "Type": "Pass",
                "Result": {"name": "awslab shop"},
                "ResultPath": "$.shop",
                "Next": "Route",
            },
            "Route": choice,
            "Review": {"Type": "Pass", "Result": "review", "ResultPath": "$.decision", "End": True},
            "Approve": {
                "Type": "Pass",
                "Result": "approve",
                "ResultPath": "$.decision",
                "Next": "Done",
            },
            "Done": {"Type": "Succeed"},
            "Reject": {"Type": "Fail", "Error": "EmptyOrder", "Cause": "an order needs items"},
        },
    }
    for name in ("Review", "Approve", "Done", "Reject"):
        if name not in named:
            del workflow["States"][name]
    return workflow


@pytest.mark.claim(
    "stepfunctions.pass-state", quote="pass state -- pass input to output or inject some fixed data"
)
def test_a_pass_state_injects_fixed_data(workflows):
    stamp = {**order_workflow({})["States"]["Stamp"], "Next": "Done"}
    definition = {"StartAt": "Stamp", "States": {"Stamp": stamp, "Done": {"Type": "Succeed"}}}
    execution = workflows.run(definition, {"order": 1, "total": 40})
    # HINT: the Pass state's Result goes where its ResultPath says; the rest of the input stays.
    # BEGIN SOLUTION
    expected_output = {"order": 1, "total": 40, "shop": {"name": "awslab shop"}}
    # END SOLUTION
    assert execution["status"] == "SUCCEEDED"
    assert execution["output"] == expected_output


@pytest.mark.claim("stepfunctions.choice-state", quote="choice state -- branch/condition")
def test_a_choice_state_routes_each_order(workflows):
    # HINT: a Choice state: no items (IsPresent false on $.items) -> Reject; total >= 100 ->
    # HINT: Review; otherwise (Default) Approve.
    # BEGIN SOLUTION
    choice = {
        "Type": "Choice",
        "Choices": [
            {"Variable": "$.items", "IsPresent": False, "Next": "Reject"},
            {"Variable": "$.total", "NumericGreaterThanEquals": 100, "Next": "Review"},
        ],
        "Default": "Approve",
    }
    # END SOLUTION
    big = workflows.run(order_workflow(choice), {"items": ["tv"], "total": 900})
    small = workflows.run(order_workflow(choice), {"items": ["pen"], "total": 3})
    assert (big["status"], big["output"]["decision"]) == ("SUCCEEDED", "review")
    assert (small["status"], small["output"]["decision"]) == ("SUCCEEDED", "approve")
    empty = workflows.run(order_workflow(choice), {"total": 0})
    assert (empty["status"], empty["error"]) == ("FAILED", "EmptyOrder")


@pytest.mark.claim(
    "stepfunctions.fail-state", quote="fail or success state -- stop execution with failure/success"
)
def test_a_fail_state_stops_the_execution(workflows):
    choice = {
        "Type": "Choice",
        "Choices": [{"Variable": "$.total", "NumericGreaterThan": 0, "Next": "Approve"}],
        "Default": "Reject",
    }
    execution = workflows.run(order_workflow(choice), {"total": 0})
    # HINT: the execution's status, error and cause, as DescribeExecution reports them.
    # BEGIN SOLUTION
    expected = ("FAILED", "EmptyOrder", "an order needs items")
    # END SOLUTION
    assert (execution["status"], execution["error"], execution["cause"]) == expected
    assert "output" not in execution
