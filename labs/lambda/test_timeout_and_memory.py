"""Timeout and memory: the two knobs of every function.

A new function gets 3 seconds and 128 MB. It runs for at most its timeout;
past it, Lambda stops it and the invocation fails with "Task timed out". The
timeout goes up to 1,800 seconds (30 minutes: the 15 minutes of the notes was
the limit until the API raised it); the memory from 128 MB to 10,240 MB (a
Lambda Managed Instances function may have more), and CPU comes with it.

A limit is shown from both sides: the largest value works, the next one is
refused by Lambda itself. botocore refuses a memory size below 128 before
sending anything, which proves nothing about the service, so those calls go
through ``aws.unvalidated("lambda")``, a client without botocore's own checks.

Notes, "lambda > aws lambda limits to know" and "lambda > lambda function configuration".
"""

import json

import pytest

SLOW = """
    import time

    def handler(event, context):
        time.sleep(event.get("seconds", 0))
        return "done"
"""
CREATE_FUNCTION = "https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html"


@pytest.mark.claim(
    "lambda.timeout-and-memory-defaults",
    beyond_notes="A function created without a timeout or a memory size gets 3 seconds and 128 MB.",
    source=CREATE_FUNCTION,
)
def test_a_new_function_gets_3_seconds_and_128_mb(deploy, settled):
    function = deploy(SLOW)  # no Timeout, no MemorySize
    configuration = settled(function)
    # HINT: predict the timeout (in seconds) and the memory size (in MB) it got.
    # BEGIN SOLUTION
    expected = (3, 128)
    # END SOLUTION
    assert (configuration["Timeout"], configuration["MemorySize"]) == expected


@pytest.mark.claim(
    "lambda.timeout-stops-function",
    beyond_notes="A function still running at its timeout is stopped: the synchronous caller "
    'gets an Unhandled function error, "Task timed out after 1.00 seconds".',
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-timeout.html",
)
def test_a_function_past_its_timeout_is_stopped(aws, deploy):
    function = deploy(SLOW, Timeout=1)
    # HINT: an event that keeps the handler busy longer than its 1-second timeout.
    # BEGIN SOLUTION
    event = {"seconds": 3}
    # END SOLUTION
    response = aws.lambda_.invoke(FunctionName=function, Payload=json.dumps(event))
    error = json.loads(response["Payload"].read())
    assert response["FunctionError"] == "Unhandled"
    assert error["errorMessage"].endswith("Task timed out after 1.00 seconds")


@pytest.mark.claim(
    "lambda.timeout-maximum",
    quote="max timeout: 15 min",
    errata="The longest timeout is now 1,800 seconds (30 minutes), not 900 (15 minutes); a "
    "Lambda Managed Instances function takes up to 5,400 seconds for asynchronous and event "
    "source mapping invocations.",
    source=CREATE_FUNCTION,
)
@pytest.mark.emulator_gap(
    "moto", reason="moto accepts any Timeout; AWS refuses one above 1,800 seconds"
)
def test_the_longest_timeout_is_30_minutes(aws, deploy, settled, error_code):
    # HINT: the largest timeout, in the unit the API takes.
    # BEGIN SOLUTION
    longest = 30 * 60
    # END SOLUTION
    function = deploy(SLOW, Timeout=longest)
    assert settled(function)["Timeout"] == 1800
    update = aws.unvalidated("lambda").update_function_configuration
    refused = error_code(update, FunctionName=function, Timeout=longest + 1)
    assert refused == "InvalidParameterValueException"


@pytest.mark.claim(
    "lambda.memory-range",
    beyond_notes="A function's memory runs from 128 MB to 10,240 MB: both are accepted, and "
    "Lambda refuses 127 MB (ValidationException) and 10,241 MB (InvalidParameterValueException).",
    source="https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html",
)
@pytest.mark.emulator_gap(
    "moto",
    reason="moto accepts any MemorySize; AWS refuses less than 128 MB and more than 10,240 MB",
)
def test_memory_runs_from_128_mb_to_10240_mb(aws, deploy, settled, error_code):
    # HINT: the smallest and the largest memory size a function may have.
    # BEGIN SOLUTION
    smallest, largest = 128, 10240
    # END SOLUTION
    function = deploy(SLOW)
    update = aws.unvalidated("lambda").update_function_configuration
    for size in (smallest, largest):
        settled(function)
        update(FunctionName=function, MemorySize=size)
        assert settled(function)["MemorySize"] == size
    too_small = error_code(update, FunctionName=function, MemorySize=smallest - 1)
    too_large = error_code(update, FunctionName=function, MemorySize=largest + 1)
    assert (too_small, too_large) == ("ValidationException", "InvalidParameterValueException")
