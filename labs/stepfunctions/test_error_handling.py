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
``States.TaskFailed`` every task failure *except* a timeout. A state's own
error (a Fail state's ``Error``, a function's exception) is matched by its
name. ``States.ALL`` must stand alone in the last rule: Step Functions refuses
a definition where another rule follows it.

Notes, "other serverless > step function -- error handling", "-- retry", "-- catch",
"-- resultPath".
"""

import json

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
            "Other": {"Type": "Pass", "Result": "Other", "ResultPath": "$.via", "End": True},
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
def test_task_failed_does_not_catch_a_timeout(aws, workflows, unique_name, clock, eventually):
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
    started = workflows.start(definition, {"order": 1})

    def timed_out() -> bool:
        clock.advance(0.5)  # the task's second passes: at once on moto; elsewhere it waits
        return aws.stepfunctions.describe_execution(executionArn=started)["status"] != "RUNNING"

    eventually(timed_out)
    execution = workflows.finished(started)
    # HINT: which Catch rule handles the timeout, and with which error name?
    # BEGIN SOLUTION
    expected = ("Other", "States.Timeout")
    # END SOLUTION
    assert (execution["output"]["path"], execution["output"]["error"]["Error"]) == expected


@pytest.mark.claim("stepfunctions.custom-error-names", quote="state may report its own errors")
def test_a_catch_matches_the_states_own_error_name(workflows):
    def handled_by(error_names: list) -> str:
        catch = [{"ErrorEquals": error_names, "ResultPath": "$.error", "Next": "Fallback"}]
        return workflows.run(book_parcel(retry=[], catch=catch), {"order": 1})["status"]

    # HINT: the ErrorEquals list that catches exactly the booking step's own error, by its name.
    # BEGIN SOLUTION
    names = ["CarrierBusy"]
    # END SOLUTION
    assert handled_by(names) == "SUCCEEDED"
    assert handled_by(["CarrierDown"]) == "FAILED", "another name does not match"


@pytest.mark.claim(
    "stepfunctions.catch-top-to-bottom", quote="evaluate from top to bottom", line=2157
)
def test_the_first_matching_catch_rule_decides(workflows):
    def fallback_of(catch: list) -> str:
        output = workflows.run(book_parcel(retry=[], catch=catch), {"order": 1})["output"]
        return output.get("via", "Fallback")  # only Other marks its way

    busy = {"ErrorEquals": ["CarrierBusy"], "Next": "Fallback", "ResultPath": "$.ignored"}
    carrier = {
        "ErrorEquals": ["CarrierBusy", "CarrierDown"],
        "Next": "Other",
        "ResultPath": "$.ignored",
    }
    # HINT: both rules name CarrierBusy. Which state ("Fallback" or "Other") handles the error
    # HINT: with [busy, carrier], and which with [carrier, busy]?
    # BEGIN SOLUTION
    expected = ("Fallback", "Other")
    # END SOLUTION
    assert (fallback_of([busy, carrier]), fallback_of([carrier, busy])) == expected


@pytest.mark.claim("stepfunctions.catch-after-retries", quote="catch when max attempts are reached")
def test_the_catch_runs_once_the_retries_are_used_up(workflows):
    retry = [{"ErrorEquals": ["CarrierBusy"], "MaxAttempts": 1, "IntervalSeconds": 1}]
    catch = [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Fallback"}]
    execution = workflows.start(book_parcel(retry, catch), {"order": 1})
    finished = workflows.finished(execution)
    history = workflows.history(execution)
    # HINT: predict how many times the booking runs in all, and the execution's final status.
    # BEGIN SOLUTION
    expected = (2, "SUCCEEDED")
    # END SOLUTION
    runs = sum(event["type"] == "ParallelStateStarted" for event in history)
    assert (runs, finished["status"]) == expected
    assert finished["output"]["error"]["Error"] == "CarrierBusy"


@pytest.mark.claim(
    "stepfunctions.states-all-last",
    quote="states.all",
    source="https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts a Catch whose States.ALL rule is not the last; AWS refuses the "
    "definition (InvalidDefinition)",
)
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a Catch whose States.ALL rule is not the last, as moto does; "
    "AWS refuses the definition (InvalidDefinition)",
)
def test_states_all_catches_everything_so_it_comes_last(aws, role, unique_name, error_code):
    catch_all = {"ErrorEquals": ["States.ALL"], "Next": "Fallback"}
    busy = {"ErrorEquals": ["CarrierBusy"], "Next": "Fallback"}
    order = None
    # HINT: the order of the two rules, catch_all and busy, that Step Functions accepts.
    # BEGIN SOLUTION
    order = [busy, catch_all]
    # END SOLUTION

    def create(name: str, catch: list) -> str | None:
        definition = json.dumps(book_parcel(retry=[], catch=catch))
        create = aws.stepfunctions.create_state_machine
        return error_code(create, name=unique_name(name), definition=definition, roleArn=role)

    assert create("in-order", order) is None
    assert create("reversed", order[::-1]) == "InvalidDefinition"


@pytest.mark.claim("stepfunctions.states-task-failed", quote="states.taskfailed")
def test_task_failed_catches_a_failing_service_call(aws, workflows, unique_name):
    queue = aws.sqs.create_queue(QueueName=unique_name("carrier"))["QueueUrl"]
    aws.sqs.delete_queue(QueueUrl=queue)  # the call to it fails
    catch = None
    # HINT: one Catch rule, for any task failure other than a timeout, to "Failed", with the
    # HINT: error put at $.error.
    # BEGIN SOLUTION
    catch = [{"ErrorEquals": ["States.TaskFailed"], "ResultPath": "$.error", "Next": "Failed"}]
    # END SOLUTION
    definition = {
        "StartAt": "Notify",
        "States": {
            "Notify": {
                "Type": "Task",
                "Resource": "arn:aws:states:::sqs:sendMessage",
                "Parameters": {"QueueUrl": queue, "MessageBody": "booked"},
                "Catch": catch,
                "End": True,
            },
            "Failed": {"Type": "Pass", "Result": "Failed", "ResultPath": "$.path", "End": True},
        },
    }
    execution = workflows.run(definition, {"order": 1})
    assert (execution["status"], execution["output"]["path"]) == ("SUCCEEDED", "Failed")
