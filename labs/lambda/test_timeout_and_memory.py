"""Timeout and memory: the two knobs of every function.

A function runs for at most its timeout (3 s by default, 15 minutes at most);
past it, Lambda stops it and the invocation fails with "Task timed out". The
memory setting runs from 128 MB to 10,240 MB, and CPU comes with it.

Notes, "lambda > aws lambda limits to know" and "lambda > lambda function configuration".
"""

import json

import pytest
from botocore.exceptions import ClientError, ParamValidationError

SLOW = """
    import time

    def handler(event, context):
        time.sleep(event.get("seconds", 0))
        return "done"
"""


@pytest.mark.claim("lambda.timeout-stops-function", quote="max timeout: 15 min")
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


@pytest.mark.claim("lambda.timeout-max-15-minutes", quote="max timeout: 15 min")
def test_the_longest_timeout_is_15_minutes(aws, deploy):
    # HINT: the largest timeout, in the unit the API takes.
    # BEGIN SOLUTION
    fifteen_minutes = 15 * 60
    # END SOLUTION
    function = deploy(SLOW, Timeout=fifteen_minutes)
    configuration = aws.lambda_.get_function_configuration(FunctionName=function)
    assert configuration["Timeout"] == 900


@pytest.mark.claim("lambda.memory-range", quote="increase ram will improve cpu and network")
def test_memory_runs_from_128_mb_to_10240_mb(aws, deploy):
    # HINT: the smallest and the largest memory size a function may have.
    # BEGIN SOLUTION
    smallest, largest = 128, 10240
    # END SOLUTION
    for size in (smallest, largest):
        function = deploy(SLOW, MemorySize=size)
        assert aws.lambda_.get_function_configuration(FunctionName=function)["MemorySize"] == size
    with pytest.raises((ClientError, ParamValidationError)):
        deploy(SLOW, MemorySize=smallest - 1)
