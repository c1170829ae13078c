"""A Wait state: hold the workflow for a while, or until a time.

A payment reminder goes out one second after the order (a day, in real
life: the lab keeps it short, since the emulators run a Wait state in real
time). A Wait state pauses the execution for ``Seconds`` (or
``SecondsPath`` from the input), or until ``Timestamp``; a standard workflow
may wait up to a year. The execution history shows when it entered and left
the state.

Notes, "other serverless > step function -- states".
"""

import pytest


@pytest.mark.claim(
    "stepfunctions.wait-state", quote="wait state -- provide a delay or until a specific time"
)
def test_a_wait_state_delays_the_next_state(workflows):
    # HINT: a Wait state of 1 second, then Next: "Remind".
    # BEGIN SOLUTION
    pause = {"Type": "Wait", "Seconds": 1, "Next": "Remind"}
    # END SOLUTION
    definition = {
        "StartAt": "Pause",
        "States": {
            "Pause": pause,
            "Remind": {"Type": "Pass", "Result": {"reminder": "sent"}, "End": True},
        },
    }
    execution = workflows.start(definition, {"order": 1})
    assert workflows.finished(execution)["output"] == {"reminder": "sent"}
    events = {event["type"]: event["timestamp"] for event in workflows.history(execution)}
    waited = events["WaitStateExited"] - events["WaitStateEntered"]
    assert waited.total_seconds() >= 1
