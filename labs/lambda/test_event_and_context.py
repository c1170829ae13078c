"""The event and the context: the two arguments of every handler.

``event`` is the data to process, shaped by whoever invoked the function (your
JSON for a direct invoke, ``{"Records": [...]}`` from SQS or S3). ``context``
is Lambda's: who this function is, which request this is, how long it has left.

Notes, "lambda > lambda event and context object".
"""

import json

import pytest

SOURCE = """
    def handler(event, context):
        return {
            "event": event,
            "function_name": context.function_name,
            "function_version": context.function_version,
            "memory_limit_in_mb": context.memory_limit_in_mb,
            "log_group_name": context.log_group_name,
            "aws_request_id": context.aws_request_id,
            "remaining_ms": context.get_remaining_time_in_millis(),
        }
"""


@pytest.mark.claim(
    "lambda.event-is-callers-data", quote="contains the data(from calling service) to be processed"
)
def test_the_event_is_exactly_what_the_caller_sent(aws, deploy, invoke):
    function = deploy(SOURCE)
    # HINT: which event makes the function see {"order": 42, "items": ["tea"]}?
    # BEGIN SOLUTION
    event = {"order": 42, "items": ["tea"]}
    # END SOLUTION
    assert invoke(function, event)["event"] == {"order": 42, "items": ["tea"]}


@pytest.mark.claim(
    "lambda.context-describes-invocation",
    quote="provides info about the invocation, function, and runtime environment",
)
def test_the_context_describes_the_function_and_the_invocation(aws, deploy, invoke):
    function = deploy(SOURCE, MemorySize=256, Timeout=5)
    response = aws.lambda_.invoke(FunctionName=function, Payload=b"{}")
    context = json.loads(response["Payload"].read())
    # HINT: predict what the context reports for this function (note the types).
    # BEGIN SOLUTION
    version = "$LATEST"
    memory = "256"  # a string, in the Python runtime
    log_group = f"/aws/lambda/{function}"
    # END SOLUTION
    assert context["function_name"] == function
    assert context["function_version"] == version
    assert context["memory_limit_in_mb"] == memory
    assert context["log_group_name"] == log_group
    assert 0 < context["remaining_ms"] <= 5000
    assert len(context["aws_request_id"]) == 36  # a UUID, new for every invocation
