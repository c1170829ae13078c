"""Error handling: retry what may pass next time, catch what will not.

Booking a parcel fails now and then with ``CarrierBusy``. The Parallel state
that books it (Retry and Catch go on Task, Parallel and Map states) has Retry
rules, evaluated from top to bottom: the *first* rule whose ``ErrorEquals``
names the error decides how often to retry (``MaxAttempts``), after how long
(``IntervalSeconds``) and how much longer each time (``BackoffRate``). When
the retries are used up, the Catch rules (also top to bottom) send the
execution on to the state their ``Next`` names; ``ResultPath`` puts the error
into the state's input, so the fallback still knows the order (without it, the
error replaces the input).

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
from itertools import pairwise

import pytest

HANDLERS = {
    "Fallback": {"Type": "Pass", "End": True},
    "Other": {"Type": "Pass", "Result": "Other", "ResultPath": "$.via", "End": True},
}


def book_parcel(retry: list, catch: list, error: str = "CarrierBusy") -> dict:
    """A workflow whose booking step always fails with ``error``.

    Only the handlers a Catch rule names are in it: Step Functions refuses a definition
    with a state nothing leads to (``MISSING_TRANSITION_TARGET``).
    """
    failing_branch = {
        "StartAt": "Carrier",
        "States": {"Carrier": {"Type": "Fail", "Error": error, "Cause": "try later"}},
    }
    book = {
        "Type": "Parallel",
        "Branches": [failing_branch],
        "Retry": retry,
        "Catch": catch,
        "End": True,
    }
    named = {rule.get("Next") for rule in catch or []}
    handlers = {name: state for name, state in HANDLERS.items() if name in named}
    return {"StartAt": "Book", "States": {"Book": book, **handlers}}


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


def runs_of(workflows, execution: str) -> list:
    """When the booking state started, each time it ran (datetimes, in order)."""
    history = workflows.history(execution)
    return [e["timestamp"] for e in history if e["type"] == "ParallelStateStarted"]


@pytest.mark.claim("stepfunctions.retry-runs-again", quote="use retry")
def test_a_retry_runs_the_failed_state_again(workflows):
    retry = []
    # HINT: a Retry rule: on CarrierBusy, try the booking once more, 1 second later.
    # BEGIN SOLUTION
    retry = [{"ErrorEquals": ["CarrierBusy"], "MaxAttempts": 1, "IntervalSeconds": 1}]
    # END SOLUTION
    execution = workflows.start(book_parcel(retry, catch=[]), {"order": 1})
    assert workflows.finished(execution)["status"] == "FAILED", "the carrier stays busy"
    assert len(runs_of(workflows, execution)) == 2, "the first run and its retry"


@pytest.mark.claim("stepfunctions.catch-goes-on", quote="use catch")
def test_a_catch_turns_a_failure_into_a_next_state(workflows):
    catch = []
    # HINT: a Catch rule: on CarrierBusy, go on to the "Fallback" state.
    # BEGIN SOLUTION
    catch = [{"ErrorEquals": ["CarrierBusy"], "Next": "Fallback"}]
    # END SOLUTION
    uncaught = workflows.start(book_parcel(retry=[], catch=[]), {"order": 1})
    caught = workflows.start(book_parcel(retry=[], catch=catch), {"order": 1})
    assert workflows.finished(uncaught)["status"] == "FAILED", "without a Catch"
    assert workflows.finished(caught)["status"] == "SUCCEEDED"
    history = workflows.history(caught)
    entered = [
        e["stateEnteredEventDetails"]["name"] for e in history if e["type"] == "PassStateEntered"
    ]
    assert entered == ["Fallback"]


@pytest.mark.claim("stepfunctions.retry-error-equals", quote="errorEquals", line=2151)
def test_a_retry_rule_retries_only_the_errors_it_names(workflows):
    def runs(*names: str) -> tuple[int, ...]:
        """How many times the booking ran, with one Retry rule naming each error in turn."""
        executions = [
            workflows.start(
                book_parcel([{"ErrorEquals": [name], "MaxAttempts": 1, "IntervalSeconds": 1}], []),
                {"order": 1},
            )
            for name in names
        ]
        for execution in executions:
            workflows.finished(execution)
        return tuple(len(runs_of(workflows, execution)) for execution in executions)

    # HINT: predict how many times the booking runs in all when the only Retry rule names
    # HINT: CarrierDown, and when it names CarrierBusy (each allows one retry).
    # BEGIN SOLUTION
    expected = (1, 2)
    # END SOLUTION
    assert runs("CarrierDown", "CarrierBusy") == expected


def gaps(workflows, execution: str) -> list[float]:
    """The seconds between one run of the booking and the next."""
    started = runs_of(workflows, execution)
    return [(later - earlier).total_seconds() for earlier, later in pairwise(started)]


@pytest.mark.claim("stepfunctions.retry-interval", quote="intervalSeconds")
def test_the_first_retry_waits_interval_seconds(workflows):
    retry = []
    # HINT: one retry on CarrierBusy, 3 seconds after the failure.
    # BEGIN SOLUTION
    retry = [{"ErrorEquals": ["CarrierBusy"], "MaxAttempts": 1, "IntervalSeconds": 3}]
    # END SOLUTION
    execution = workflows.start(book_parcel(retry, catch=[]), {"order": 1})
    workflows.finished(execution)
    (waited,) = gaps(workflows, execution)
    assert 3 <= waited < 5


@pytest.mark.claim("stepfunctions.retry-backoff-rate", quote="backoffRate")
def test_each_retry_waits_backoff_rate_times_longer(workflows):
    rate = None
    # HINT: the BackoffRate that makes each wait three times the one before.
    # BEGIN SOLUTION
    rate = 3
    # END SOLUTION
    retry = [
        {
            "ErrorEquals": ["CarrierBusy"],
            "MaxAttempts": 2,
            "IntervalSeconds": 1,
            "BackoffRate": rate,
        }
    ]
    execution = workflows.start(book_parcel(retry, catch=[]), {"order": 1})
    workflows.finished(execution)
    first, second = gaps(workflows, execution)
    assert 1 <= first < 2 and 3 <= second < 4


@pytest.mark.claim("stepfunctions.catch-error-equals", quote="errorEquals", line=2158)
def test_a_catch_rule_catches_every_error_it_names(workflows):
    names = []
    # HINT: the ErrorEquals of one Catch rule for both carrier errors, CarrierBusy and
    # HINT: CarrierDown (and nothing else).
    # BEGIN SOLUTION
    names = ["CarrierBusy", "CarrierDown"]
    # END SOLUTION
    catch = [{"ErrorEquals": names, "ResultPath": "$.error", "Next": "Fallback"}]
    errors = ("CarrierBusy", "CarrierDown", "PaymentDeclined")
    executions = [workflows.start(book_parcel([], catch, error=e), {"order": 1}) for e in errors]
    statuses = [workflows.finished(execution)["status"] for execution in executions]
    assert statuses == ["SUCCEEDED", "SUCCEEDED", "FAILED"]


@pytest.mark.claim("stepfunctions.catch-next", quote="next", line=2159)
def test_the_catch_rule_names_the_next_state(workflows):
    catch = []
    # HINT: a Catch rule that sends CarrierBusy on to the "Other" state.
    # BEGIN SOLUTION
    catch = [{"ErrorEquals": ["CarrierBusy"], "ResultPath": "$.error", "Next": "Other"}]
    # END SOLUTION
    execution = workflows.run(book_parcel(retry=[], catch=catch), {"order": 1})
    assert (execution["status"], execution["output"]["via"]) == ("SUCCEEDED", "Other")


@pytest.mark.claim("stepfunctions.catch-result-path-default", quote="resultPath", line=2160)
def test_without_result_path_the_error_replaces_the_input(workflows):
    catch = [{"ErrorEquals": ["CarrierBusy"], "Next": "Fallback"}]  # no ResultPath
    execution = workflows.run(book_parcel(retry=[], catch=catch), {"order": 1})
    # HINT: predict the execution's output: what reaches Fallback when the Catch rule has no
    # HINT: ResultPath?
    # BEGIN SOLUTION
    expected = {"Error": "CarrierBusy", "Cause": "try later"}
    # END SOLUTION
    assert execution["output"] == expected, "the order is gone: keep it with a ResultPath"


ERROR_HANDLING = "https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html"
PASS_END = {"Type": "Pass", "End": True}
PASS_THROUGH = {"StartAt": "Step", "States": {"Step": PASS_END}}


def which_states_take(aws, role, unique_name, error_code, field: str, rules: list) -> dict:
    """{state type: None if a state of that type with ``field`` is accepted, or the error code}."""
    states = {
        "Pass": {"Type": "Pass"},
        "Parallel": {"Type": "Parallel", "Branches": [PASS_THROUGH]},
        "Map": {"Type": "Map", "ItemProcessor": PASS_THROUGH},
    }
    answers = {}
    for kind, state in states.items():
        definition = {"StartAt": "Book", "States": {"Book": {**state, field: rules, "End": True}}}
        if field == "Catch":  # the state its rule goes on to
            definition["States"]["Fallback"] = PASS_END
        answers[kind] = error_code(
            aws.stepfunctions.create_state_machine,
            name=unique_name(f"{field}-on-{kind}".lower()),
            definition=json.dumps(definition),
            roleArn=role,
        )
    return answers


MOTO_TAKES_ANY_FIELD = (
    "moto accepts a {field} on any state; AWS refuses one on a Pass state (InvalidDefinition) "
    "and takes it on Task, Parallel and Map states"
)


@pytest.mark.claim(
    "stepfunctions.retry-on-task-parallel-map",
    quote="step function -- retry (task or parallel state)",
    errata="Map states take a Retry too: Task, Parallel and Map states may retry; a Pass, "
    "Wait, Choice, Succeed or Fail state has no Retry.",
    source=ERROR_HANDLING,
)
@pytest.mark.emulator_gap("moto", reason=MOTO_TAKES_ANY_FIELD.format(field="Retry"))
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a Retry on a Pass state; AWS refuses it (InvalidDefinition)",
)
def test_retry_goes_on_task_parallel_and_map_states(aws, role, unique_name, error_code):
    retry = [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}]
    # HINT: which of these states may carry a Retry? {state type: None if the definition is
    # HINT: accepted, or the error code}
    # BEGIN SOLUTION
    expected = {"Pass": "InvalidDefinition", "Parallel": None, "Map": None}
    # END SOLUTION
    assert which_states_take(aws, role, unique_name, error_code, "Retry", retry) == expected


@pytest.mark.claim(
    "stepfunctions.catch-on-task-parallel-map",
    quote="step function -- catch (task or parallel state)",
    errata="Map states take a Catch too: Task, Parallel and Map states may catch; a Pass, "
    "Wait, Choice, Succeed or Fail state has no Catch.",
    source=ERROR_HANDLING,
)
@pytest.mark.emulator_gap("moto", reason=MOTO_TAKES_ANY_FIELD.format(field="Catch"))
@pytest.mark.emulator_gap(
    "localstack",
    reason="LocalStack accepts a Catch on a Pass state; AWS refuses it (InvalidDefinition)",
)
def test_catch_goes_on_task_parallel_and_map_states(aws, role, unique_name, error_code):
    catch = [{"ErrorEquals": ["States.ALL"], "Next": "Fallback"}]
    # HINT: which of these states may carry a Catch? {state type: None if the definition is
    # HINT: accepted, or the error code}
    # BEGIN SOLUTION
    expected = {"Pass": "InvalidDefinition", "Parallel": None, "Map": None}
    # END SOLUTION
    assert which_states_take(aws, role, unique_name, error_code, "Catch", catch) == expected
