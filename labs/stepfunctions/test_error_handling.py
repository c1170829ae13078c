"""Error handling: retry what may pass next time, catch what will not.

Booking a parcel fails now and then with ``CarrierBusy``. The Parallel state
that books it (Retry and Catch go on Task and Parallel states) has Retry
rules, evaluated from top to bottom: the *first* rule whose ``ErrorEquals``
names the error decides how often to retry (``MaxAttempts``), after how long
(``IntervalSeconds``) and how much longer each time (``BackoffRate``). When
the retries are used up, the Catch rules (also top to bottom) send the
execution on to a fallback state; ``ResultPath`` puts the error into the
state's input instead of replacing it, so the fallback still knows the order.

The predefined error names: ``States.ALL`` matches every error,
``States.Timeout`` a task that ran longer than its ``TimeoutSeconds``, and
``States.TaskFailed`` every task failure *except* a timeout.

Notes, "other serverless > step function -- error handling", "-- retry", "-- catch",
"-- resultPath".
"""

import pytest


def book_parcel(retry: list, catch: list) -> dict:
    """A workflow whose booking step always fails with CarrierBusy."""
    failing_branch = {
        "StartAt": "Carrier",
        "States": {"Carrier": {"Type": "Fail", "Error": "CarrierBusy", "Cause": "try later"}},
    }
    return {
        "StartAt": "Book",
        "States": {
            "Book": {
                "Type": "Parallel",
                "Branches": [failing_branch],
                "Retry": retry,
                "Catch": catch,
                "End": True,
            },
            "Fallback": {"Type": "Pass", "End": True},
        },
    }


@pytest.mark.claim(
    "stepfunctions.retry-top-to-bottom", quote="evaluate from top to bottom", line=2150
)
def test_the_first_matching_retry_rule_decides(workflows):
    busy_first = [
        {"ErrorEquals": ["CarrierBusy"], "MaxAttempts": 1, "IntervalSeconds": 1},
        {
            "ErrorEquals": ["CarrierBusy", "CarrierDown"],
            "MaxAttempts": 3,
            "IntervalSeconds": 1,
            "BackoffRate": 1.0,
        },
    ]

    def runs(*retries: list) -> tuple[int, ...]:
        """How many times the booking ran in all, per Retry list: the first try plus its
        retries. The executions run side by side: each waits out its intervals in real time."""
        executions = [workflows.start(book_parcel(r, catch=[]), {"order": 1}) for r in retries]
        for execution in executions:
            assert workflows.finished(execution)["status"] == "FAILED"
        return tuple(
            sum(e["type"] == "ParallelStateStarted" for e in workflows.history(execution))
            for execution in executions
        )

    # HINT: both rules name CarrierBusy. How many runs with these rules, and how many with
    # HINT: the same two rules in the other order?
    # BEGIN SOLUTION
    expected = (2, 4)
    # END SOLUTION
    assert runs(busy_first, busy_first[::-1]) == expected


@pytest.mark.claim("stepfunctions.catch-result-path", quote="include error in the input")
def test_a_catch_keeps_the_input_and_adds_the_error(workflows):
    # HINT: one Catch rule: any error, to "Fallback", with the error put at $.error.
    # BEGIN SOLUTION
    catch = [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}]
    # END SOLUTION
    execution = workflows.run(book_parcel(retry=[], catch=catch), {"order": 1})
    assert execution["status"] == "SUCCEEDED"
    assert execution["output"] == {
        "order": 1,
        "error": {"Error": "CarrierBusy", "Cause": "try later"},
    }


@pytest.mark.claim("stepfunctions.states-timeout", quote="states.timeout")
def test_task_failed_does_not_catch_a_timeout(aws, workflows, unique_name):
    queue = aws.sqs.create_queue(QueueName=unique_name("carrier"))["QueueUrl"]
    definition = {
        "StartAt": "AskCarrier",
        "States": {
            "AskCarrier": {
                "Type": "Task",
                "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
                "Parameters": {"QueueUrl": queue, "MessageBody": {"token.$": "$$.Task.Token"}},
                "TimeoutSeconds": 1,  # nobody answers: the task times out
                "Catch": [
                    {
                        "ErrorEquals": ["States.TaskFailed"],
                        "ResultPath": "$.error",
                        "Next": "Failed",
                    },
                    {"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Other"},
                ],
                "End": True,
            },
            "Failed": {"Type": "Pass", "Result": "Failed", "ResultPath": "$.path", "End": True},
            "Other": {"Type": "Pass", "Result": "Other", "ResultPath": "$.path", "End": True},
        },
    }
    execution = workflows.run(definition, {"order": 1})
    # HINT: which Catch rule handles the timeout, and with which error name?
    # BEGIN SOLUTION
    expected = ("Other", "States.Timeout")
    # END SOLUTION
    assert (execution["output"]["path"], execution["output"]["error"]["Error"]) == expected
